package org.changchun.layout.catalog;

import org.changchun.layout.problem.ApiException;
import org.springframework.http.HttpStatus;

/** A layer the service writes from other data cannot be restored: its current version follows that data (409). */
class DerivedLayerException extends ApiException {

    DerivedLayerException(String id) {
        super(HttpStatus.CONFLICT, "图层“" + id + "”由服务根据其他数据生成并随之更新，不能恢复旧版本",
                "layer '" + id + "' is written by the service from other data and follows it; it cannot be restored");
    }
}

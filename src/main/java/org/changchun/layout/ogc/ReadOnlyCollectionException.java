package org.changchun.layout.ogc;

import org.changchun.layout.problem.ApiException;
import org.springframework.http.HttpStatus;

class ReadOnlyCollectionException extends ApiException {

    ReadOnlyCollectionException(String collection) {
        super(HttpStatus.METHOD_NOT_ALLOWED, "集合“" + collection + "”只读；只有项目库（projects）可以编辑",
                "collection '" + collection + "' is read-only; only the project library (projects) can be edited");
    }
}

package org.changchun.layout.indicators;

import org.changchun.layout.problem.ApiException;
import org.springframework.http.HttpStatus;

class ObservationNotFoundException extends ApiException {

    ObservationNotFoundException(ObservationKey key) {
        super(HttpStatus.NOT_FOUND, "指标“" + key.indicator() + "”在 " + key.year() + " 年、区域 " + key.area() + " 没有数据",
                "indicator '" + key.indicator() + "' has no figure for " + key.year() + " in area " + key.area());
    }
}

package org.changchun.layout.ogc;

import org.changchun.layout.problem.ApiException;
import org.springframework.http.HttpStatus;

class FeatureConflictException extends ApiException {

    FeatureConflictException(String collection, String id) {
        super(HttpStatus.CONFLICT, "集合“" + collection + "”中已有要素“" + id + "”；请用 PUT 替换或换一个 id",
                "collection '" + collection + "' already has a feature '" + id + "'; replace it with PUT or choose another id");
    }
}

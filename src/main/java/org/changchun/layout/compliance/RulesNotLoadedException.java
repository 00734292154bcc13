package org.changchun.layout.compliance;

import org.changchun.layout.problem.ApiException;
import org.springframework.http.HttpStatus;

/** Reviews need the rules of gis-data/, which are not loaded when plan.data.load is off (503). */
class RulesNotLoadedException extends ApiException {

    RulesNotLoadedException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "合规规则未加载（plan.data.load=false）：无法审查",
                "the compliance rules are not loaded (plan.data.load=false): no review is possible");
    }
}

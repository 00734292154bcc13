package org.changchun.layout.compliance;

import org.changchun.layout.problem.ApiException;
import org.springframework.http.HttpStatus;

/** A plan layer cannot be marked or unmarked as a constraint here (409): its rules are in gis-data/rules.json. */
class PlanLayerConstraintException extends ApiException {

    PlanLayerConstraintException(String layerId) {
        super(HttpStatus.CONFLICT, "“" + layerId + "”是规划图层：规划图层的规则写在 gis-data/rules.json 中，只有导入的图层可在此标记为约束图层",
                "'" + layerId + "' is a plan layer: the rules of plan layers are in gis-data/rules.json; only imported "
                        + "layers can be marked as constraints here");
    }
}

package org.changchun.layout.plan;

import org.changchun.layout.problem.NotFoundException;

class DistrictNotFoundException extends NotFoundException {

    DistrictNotFoundException(String adcode) {
        super("行政区", "district with adcode", adcode);
    }
}

package org.changchun.layout.plan;

import org.changchun.layout.problem.NotFoundException;

class CityNotFoundException extends NotFoundException {

    CityNotFoundException(String id) {
        super("城市", "city", id);
    }
}

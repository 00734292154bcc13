package org.changchun.layout.indicators;

import org.changchun.layout.problem.NotFoundException;

class IndicatorNotFoundException extends NotFoundException {

    IndicatorNotFoundException(String id) {
        super("指标", "indicator", id);
    }
}

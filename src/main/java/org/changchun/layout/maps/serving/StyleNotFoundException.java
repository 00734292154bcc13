package org.changchun.layout.maps.serving;

import org.changchun.layout.problem.NotFoundException;

class StyleNotFoundException extends NotFoundException {

    StyleNotFoundException(String id) {
        super("样式", "style", id);
    }
}

package org.changchun.layout.catalog;

import org.changchun.layout.problem.NotFoundException;

public class LayerNotFoundException extends NotFoundException {

    public LayerNotFoundException(String id) {
        super("图层", "layer", id);
    }
}

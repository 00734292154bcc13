package org.changchun.layout.catalog;

import org.changchun.layout.problem.NotFoundException;

class LayerVersionNotFoundException extends NotFoundException {

    LayerVersionNotFoundException(String layerId, long version) {
        super("图层“" + layerId + "”的可恢复版本", "kept previous version of layer '" + layerId + "'",
                String.valueOf(version));
    }
}

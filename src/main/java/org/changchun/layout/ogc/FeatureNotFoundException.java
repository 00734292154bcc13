package org.changchun.layout.ogc;

import org.changchun.layout.problem.NotFoundException;

class FeatureNotFoundException extends NotFoundException {

    FeatureNotFoundException(String collection, String id) {
        super("集合“" + collection + "”中的要素", "feature in collection '" + collection + "'", id);
    }
}

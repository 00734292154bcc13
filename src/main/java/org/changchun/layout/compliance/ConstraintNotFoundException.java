package org.changchun.layout.compliance;

import org.changchun.layout.problem.NotFoundException;

/** No layer of that id is marked as a constraint (404). */
class ConstraintNotFoundException extends NotFoundException {

    ConstraintNotFoundException(String layer) {
        super("约束图层", "constraint layer", layer);
    }
}

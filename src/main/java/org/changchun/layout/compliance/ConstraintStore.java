package org.changchun.layout.compliance;

import java.util.List;

/**
 * Where the layers editors marked as constraints (control lines) keep their rules, so every replica
 * reviews with the same ones.
 */
public interface ConstraintStore {

    /** Every marked layer, by layer id. */
    List<MarkedConstraint> all();

    /** Marks a layer, or replaces the rule of one already marked. */
    void save(MarkedConstraint constraint);

    /** Unmarks a layer; returns whether it was marked. */
    boolean delete(String layerId);
}

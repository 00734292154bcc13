package org.changchun.layout.history;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.changchun.layout.feature.FieldSpec;

/**
 * What the store knows of a layer's past: every version written to it, the writes the audit trail
 * attributes to it, and what differs between two kept versions. The history feature's own port,
 * implemented in {@code store/jdbc}, where the comparison is one set-based query on both stores.
 */
public interface LayerHistory {

    /** Every version ever written to the layer, newest first, those retention discarded included. */
    List<VersionRecord> versions(String layerId);

    /**
     * The fields of a version the layer still keeps (current or previous), in column order; empty
     * if the layer has no such kept version.
     */
    Optional<List<FieldSpec>> keptVersionFields(String layerId, long version);

    /**
     * Up to {@code limit} values of a field that more than one feature of a kept version holds, as
     * text: a field that is to match features between versions must be unique.
     */
    List<String> repeatedValues(long version, List<FieldSpec> fields, String field, int limit);

    /**
     * Hands the features that differ between two versions to the consumer, ordered by what matches
     * them (feature id or key field), from a cursor: a comparison of any size passes through a small
     * heap. Features that are equal in both (attributes of the fields both have, and geometry) are
     * left out by the store.
     *
     * @param geometries whether every change carries its geometries, not only those it needs measuring
     */
    void changes(VersionPair pair, boolean geometries, Consumer<FeatureChange> consumer);

    /** The successful writes the audit trail attributes to the layer (edits, restores), newest first. */
    List<LayerWrite> writes(String layerId, int limit);
}

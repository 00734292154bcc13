package org.changchun.layout.indicators;

import java.util.List;
import java.util.Optional;

/**
 * Where the indicators' figures are kept, so every replica sees the same. Implementations hold
 * all SQL; a write is all or nothing.
 */
public interface ObservationStore {

    /** Every figure, ordered by indicator, area and year. */
    List<Observation> all();

    /** The figures of one indicator, ordered by area and year. */
    List<Observation> of(String indicatorId);

    Optional<Observation> find(ObservationKey key);

    /**
     * Adds or replaces the given figures and removes the given keys, in one transaction: all of it
     * or, on any failure, none. The {@link #revision()} grows with every write.
     */
    void write(List<Observation> figures, List<ObservationKey> removals);

    /** A number that changes with every write, here or on another replica: what derived data keys on. */
    long revision();

    /** What the baseline in the store was loaded from (see {@link #replaceBaseline}), if any was. */
    Optional<String> baselineChecksum();

    /**
     * Makes the shipped baseline the given figures: the figures the service loaded before (those
     * without {@link Observation#recordedBy()}) are replaced by these, except where an editor has
     * recorded a figure of the same key, which stays. Does nothing when the store already holds the
     * baseline of this checksum (another replica loaded it).
     */
    void replaceBaseline(String checksum, List<Observation> figures);
}

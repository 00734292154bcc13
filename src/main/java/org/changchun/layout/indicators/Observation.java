package org.changchun.layout.indicators;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One figure of an indicator: its value in a year for an area (the whole city's adcode or a
 * district's).
 *
 * @param source     where the figure comes from (a statistics bulletin and its year); may be null
 *                   only for a sample
 * @param sample     the figure is invented (示例数据), not published
 * @param recordedBy the account that recorded it; null for the figures the service loads from
 *                   {@code gis-data/indicator-observations.csv}
 */
public record Observation(
        String indicator,
        int year,
        String area,
        double value,
        String source,
        boolean sample,
        OffsetDateTime recordedAt,
        String recordedBy) {

    public Observation {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(area, "area");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a figure must be a finite number: " + value);
        }
    }

    public ObservationKey key() {
        return new ObservationKey(indicator, year, area);
    }

    /** Whether the service loaded it from the shipped baseline rather than an editor recording it. */
    public boolean fromBaseline() {
        return recordedBy == null;
    }

    /** Whether two figures say the same: value, source and sample flag (not who or when). */
    public boolean sameFigure(Observation other) {
        return value == other.value && sample == other.sample && Objects.equals(source, other.source);
    }
}

package org.changchun.layout.gisdata;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.changchun.layout.indicators.Indicator;
import org.changchun.layout.indicators.IndicatorArea;
import org.changchun.layout.indicators.Observation;
import org.changchun.layout.indicators.ObservationCheck;
import org.changchun.layout.indicators.ObservationTable;
import org.changchun.layout.problem.InvalidRowsException;

/**
 * Reads the monitoring baseline ({@code gis-data/indicator-observations.csv}, UTF-8): the same
 * table an editor uploads, checked by the same rules, and also against the definitions: the whole
 * city's figure of an indicator's base year, where the table has one, is the base the definition
 * states, with the same source or sample flag.
 */
final class BaselineReader {

    /** Bad rows named in the message, at most. */
    private static final int SHOWN_PROBLEMS = 10;

    private BaselineReader() {
    }

    /**
     * @param areas the whole city first, then the districts of the layer being loaded
     */
    static List<Observation> read(String file, byte[] content, List<Indicator> indicators, List<IndicatorArea> areas) {
        List<Observation> figures;
        try {
            ObservationTable.Parsed table = ObservationTable.read(content, Optional.of("UTF-8"));
            figures = new ObservationCheck(indicators, areas).check(table.rows(), null,
                    OffsetDateTime.now(ZoneOffset.UTC));
        } catch (InvalidRowsException e) {
            String rows = e.rows().stream().limit(SHOWN_PROBLEMS)
                    .map(row -> "line " + row.line() + ": " + row.messageEn()).collect(Collectors.joining("; "));
            throw new GisDataException(file, e.messageEn() + (rows.isEmpty() ? "" : " — " + rows));
        }
        String city = areas.get(0).adcode();
        for (Indicator indicator : indicators) {
            figures.stream().filter(f -> f.indicator().equals(indicator.id()) && f.year() == indicator.baseYear()
                    && f.area().equals(city)).findFirst().ifPresent(base -> {
                        if (base.value() != indicator.baseValue() || base.sample() != indicator.baseSample()
                                || (!base.sample() && !Objects.equals(base.source(), indicator.baseSource()))) {
                            throw new GisDataException(file, "the whole city's " + indicator.baseYear() + " figure of \""
                                    + indicator.id() + "\" is not the base indicators.json states (value, source or "
                                    + "sample flag differ); run gis-data/build/indicator_samples.py again");
                        }
                    });
        }
        return figures;
    }
}

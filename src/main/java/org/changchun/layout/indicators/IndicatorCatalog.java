package org.changchun.layout.indicators;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The indicators as loaded from {@code gis-data/indicators.json}: few, read on every request and
 * changed only with the data file, so held in memory like the six cities.
 */
@Component
public class IndicatorCatalog {

    /** Everything loaded from the file at once, so readers never see a mix of two loads. */
    private record Definitions(List<Indicator> indicators, IndicatorArea cityArea, String checksum) {
    }

    private volatile Definitions definitions = new Definitions(List.of(), null, "");

    /**
     * Replaces every indicator at once.
     *
     * @param cityArea the area figures for the whole city are recorded under
     * @param checksum identifies the definitions (e.g. the file's SHA-256): layers derived from them key on it
     */
    public void replaceAll(List<Indicator> indicators, IndicatorArea cityArea, String checksum) {
        definitions = new Definitions(List.copyOf(indicators), cityArea, checksum);
    }

    public List<Indicator> all() {
        return definitions.indicators();
    }

    public Optional<Indicator> find(String id) {
        return all().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** @throws IndicatorNotFoundException (404) if there is no such indicator */
    public Indicator get(String id) {
        return find(id).orElseThrow(() -> new IndicatorNotFoundException(id));
    }

    /** The indicators of one of the six cities, or of {@link Indicator#CITY_WIDE}, in the file's order. */
    public List<Indicator> ofCity(String city) {
        return all().stream().filter(i -> i.city().equals(city)).toList();
    }

    /** The whole city as an area, empty before the definitions are loaded. */
    public Optional<IndicatorArea> cityArea() {
        return Optional.ofNullable(definitions.cityArea());
    }

    public String checksum() {
        return definitions.checksum();
    }
}

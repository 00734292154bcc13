package org.changchun.layout.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.store.FeatureStore;
import org.springframework.stereotype.Component;

/**
 * The areas figures may be recorded for: the whole city, then each district of the
 * {@code districts} layer by adcode. Read from the layer once per data version of it.
 */
@Component
public class IndicatorAreas {

    /** What the areas were read from: the city area and the districts' data version. */
    private record Memo(IndicatorArea city, long districtsVersion, List<IndicatorArea> areas) {
    }

    private final IndicatorCatalog indicators;
    private final LayerCatalog layers;
    private final FeatureStore store;
    private volatile Memo memo;

    IndicatorAreas(IndicatorCatalog indicators, LayerCatalog layers, FeatureStore store) {
        this.indicators = indicators;
        this.layers = layers;
        this.store = store;
    }

    /** The whole city first, then the districts by adcode; empty before the plan data is loaded. */
    public List<IndicatorArea> all() {
        Optional<IndicatorArea> city = indicators.cityArea();
        if (city.isEmpty()) {
            return List.of();
        }
        long version = layers.find(PlanLayers.DISTRICTS).map(LayerInfo::dataVersion).orElse(-1L);
        Memo known = memo;
        if (known != null && known.city().equals(city.get()) && known.districtsVersion() == version) {
            return known.areas();
        }
        List<IndicatorArea> areas = new ArrayList<>();
        areas.add(city.get());
        if (version >= 0) {
            for (Feature district : store.features(PlanLayers.DISTRICTS)) {
                areas.add(new IndicatorArea(district.id(), district.text("name_zh"), district.text("name_en"), true));
            }
        }
        memo = new Memo(city.get(), version, List.copyOf(areas));
        return memo.areas();
    }

    public Optional<IndicatorArea> find(String adcode) {
        return all().stream().filter(a -> a.adcode().equals(adcode)).findFirst();
    }

    public List<IndicatorArea> districts() {
        return all().stream().filter(IndicatorArea::district).toList();
    }
}

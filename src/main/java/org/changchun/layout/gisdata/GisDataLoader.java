package org.changchun.layout.gisdata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.geo.MultiGeometries;
import org.changchun.layout.indicators.DistrictIndicatorLayer;
import org.changchun.layout.indicators.Indicator;
import org.changchun.layout.indicators.IndicatorArea;
import org.changchun.layout.indicators.IndicatorCatalog;
import org.changchun.layout.indicators.Observation;
import org.changchun.layout.indicators.ObservationStore;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.plan.CityTarget;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.plan.rules.PlanRules;
import org.changchun.layout.plan.rules.RuleBook;
import org.changchun.layout.store.ConcurrentLayerWriteException;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.WriteProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the plan shipped in {@code gis-data/} when the service starts, before it accepts
 * requests. Every file is read and checked first; only then is anything written, so a broken
 * file stops the start with a message and leaves the store as it was. A layer whose file has not
 * changed since it was last loaded is not written again, so restarts are quick and create no
 * new versions; the same holds for the monitoring baseline, which, when its file changed, replaces
 * the figures loaded before but never those editors recorded.
 */
@Component
class GisDataLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(GisDataLoader.class);
    /** Names the rules applied to the files before writing; change it when they change (see checksum). */
    private static final String LOADING_RULES = "one geometry type per layer";
    /** Names the rules the baseline is loaded by; change it when they change, so stores load it again. */
    private static final String BASELINE_RULES = "figures of the baseline, editors' figures kept";

    private record LoadedLayer(String file, LayerSpec spec, List<Feature> features) {
    }

    private final GisDataProperties properties;
    private final ResourceLoader resources;
    private final FeatureStore store;
    private final CityCatalog cities;
    private final IndicatorCatalog indicators;
    private final ObservationStore observations;
    private final DistrictIndicatorLayer districtIndicators;
    private final PlanRules rules;
    private final JsonMapper json = JsonMapper.builder().build();

    GisDataLoader(GisDataProperties properties, ResourceLoader resources, FeatureStore store, CityCatalog cities,
                  IndicatorCatalog indicators, ObservationStore observations, DistrictIndicatorLayer districtIndicators,
                  PlanRules rules) {
        this.properties = properties;
        this.resources = resources;
        this.store = store;
        this.cities = cities;
        this.rules = rules;
        this.indicators = indicators;
        this.observations = observations;
        this.districtIndicators = districtIndicators;
    }

    /** The monitoring data as read and checked, before anything is written. */
    private record Monitoring(IndicatorsReader.Definitions definitions, String definitionsChecksum,
                              Optional<Baseline> baseline) {
    }

    private record Baseline(List<Observation> figures, String checksum) {
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.load()) {
            log.info("Plan data loading is off (plan.data.load=false)");
            return;
        }
        store.discardUnfinishedWrites();
        LayerManifest manifest = LayerManifest.parse(json, bytes(LayerManifest.FILE));
        List<LoadedLayer> layers = readLayers(manifest);
        Map<String, Map<String, Feature>> featuresByLayer = new LinkedHashMap<>();
        for (LoadedLayer layer : layers) {
            featuresByLayer.put(layer.spec().id(), layer.features().stream()
                    .collect(Collectors.toMap(Feature::id, Function.identity())));
        }
        Optional<Monitoring> monitoring = manifest.indicatorsFile().map(file -> readMonitoring(manifest, file,
                featuresByLayer.getOrDefault(PlanLayers.DISTRICTS, Map.of())));
        Map<String, List<CityTarget>> targets = monitoring.map(m -> CityTargets.of(m.definitions())).orElse(Map.of());
        List<City> loadedCities = new CitiesReader(json).read(manifest.citiesFile(), bytes(manifest.citiesFile()),
                featuresByLayer, targets);
        monitoring.ifPresent(m -> checkCities(manifest.indicatorsFile().orElseThrow(), m.definitions(), loadedCities));
        RuleBook loadedRules = new RulesReader(json).read(manifest.rulesFile(), bytes(manifest.rulesFile()),
                layers.stream().collect(Collectors.toMap(l -> l.spec().id(), LoadedLayer::spec)), featuresByLayer,
                loadedCities);
        for (LoadedLayer layer : layers) {
            write(layer);
        }
        cities.replaceAll(loadedCities);
        rules.replace(loadedRules);
        monitoring.ifPresent(this::writeMonitoring);
        log.info("Plan data ready from {}: {} layers, {} cities, {} indicators, {} compliance rules",
                properties.location(), layers.size(), loadedCities.size(), indicators.all().size(),
                loadedRules.areas().size() + loadedRules.restrictions().size() + loadedRules.constraints().size());
    }

    private Monitoring readMonitoring(LayerManifest manifest, String file, Map<String, Feature> districts) {
        byte[] content = bytes(file);
        IndicatorsReader.Definitions definitions = new IndicatorsReader(json).read(file, content);
        Optional<Baseline> baseline = manifest.observationsFile().map(csv -> {
            List<IndicatorArea> areas = new ArrayList<>(List.of(definitions.cityArea()));
            districts.values().stream().sorted(Comparator.comparing(Feature::id)).forEach(d -> areas.add(
                    new IndicatorArea(d.id(), d.text("name_zh"), d.text("name_en"), true)));
            byte[] table = bytes(csv);
            return new Baseline(BaselineReader.read(csv, table, definitions.indicators(), areas),
                    checksum(BASELINE_RULES, table));
        });
        return new Monitoring(definitions, checksum(file, content), baseline);
    }

    private static void checkCities(String file, IndicatorsReader.Definitions definitions, List<City> loaded) {
        for (Indicator indicator : definitions.indicators()) {
            if (!indicator.isCityWide() && loaded.stream().noneMatch(c -> c.id().equals(indicator.city()))) {
                throw new GisDataException(file, "indicator \"" + indicator.id() + "\" names city \"" + indicator.city()
                        + "\", which is neither in the cities file nor \"" + Indicator.CITY_WIDE + "\"");
            }
        }
    }

    private void writeMonitoring(Monitoring monitoring) {
        indicators.replaceAll(monitoring.definitions().indicators(), monitoring.definitions().cityArea(),
                monitoring.definitionsChecksum());
        monitoring.baseline().ifPresent(baseline -> {
            if (observations.baselineChecksum().filter(baseline.checksum()::equals).isPresent()) {
                log.info("Monitoring baseline is up to date");
            } else {
                observations.replaceBaseline(baseline.checksum(), baseline.figures());
                log.info("Loaded the monitoring baseline: {} figures", baseline.figures().size());
            }
        });
        districtIndicators.refresh();
    }

    private List<LoadedLayer> readLayers(LayerManifest manifest) {
        GeoJsonLayerReader reader = new GeoJsonLayerReader(json);
        List<LoadedLayer> layers = new ArrayList<>();
        for (LayerManifest.Entry entry : manifest.layers()) {
            byte[] content = bytes(entry.file());
            LayerSpec declared = entry.spec();
            LayerSpec spec = new LayerSpec(declared.description(), declared.fields(),
                    checksum(LOADING_RULES + entry.manifestText(), content));
            List<Feature> features = MultiGeometries.promoteMixed(reader.read(entry.file(), content, spec.fields()));
            layers.add(new LoadedLayer(entry.file(), spec, features));
        }
        return layers;
    }

    private void write(LoadedLayer layer) {
        LayerSpec spec = layer.spec();
        if (isUpToDate(spec)) {
            log.info("Layer {} is up to date", spec.id());
            return;
        }
        long started = System.nanoTime();
        try {
            LayerInfo written = store.writeLayer(spec, layer.features().iterator(), WriteProgress.NONE);
            log.info("Loaded layer {}: {} features in {} ms (version {})", spec.id(), written.featureCount(),
                    (System.nanoTime() - started) / 1_000_000, written.version());
        } catch (ConcurrentLayerWriteException e) {
            // another replica starting at the same time loaded it; fine if it loaded the same file
            if (!isUpToDate(spec)) {
                throw e;
            }
        } catch (IllegalArgumentException e) {
            throw new GisDataException(layer.file(), "could not be stored: " + e.getMessage(), e);
        }
    }

    private boolean isUpToDate(LayerSpec spec) {
        return store.layer(spec.id()).map(stored -> spec.checksum().equals(stored.checksum())).orElse(false);
    }

    private byte[] bytes(String file) {
        Resource resource = resources.getResource(properties.location() + file);
        if (!resource.exists()) {
            throw new GisDataException(file, "is missing from " + properties.location());
        }
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new GisDataException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * What stored data was built from: a file, and the rules the loader applies to it (for a layer
     * with its manifest entry), so a change of those rules (such as promoting mixed geometry types)
     * reloads files that did not change.
     */
    private static String checksum(String rules, byte[] content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(rules.getBytes(StandardCharsets.UTF_8));
            sha256.update(content);
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

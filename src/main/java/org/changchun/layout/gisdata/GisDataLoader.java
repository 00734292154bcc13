package org.changchun.layout.gisdata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.geo.MultiGeometries;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
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
 * new versions.
 */
@Component
class GisDataLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(GisDataLoader.class);
    /** Names the rules applied to the files before writing; change it when they change (see checksum). */
    private static final String LOADING_RULES = "one geometry type per layer";

    private record LoadedLayer(String file, LayerSpec spec, List<Feature> features) {
    }

    private final GisDataProperties properties;
    private final ResourceLoader resources;
    private final FeatureStore store;
    private final CityCatalog cities;
    private final PlanRules rules;
    private final JsonMapper json = JsonMapper.builder().build();

    GisDataLoader(GisDataProperties properties, ResourceLoader resources, FeatureStore store, CityCatalog cities,
                  PlanRules rules) {
        this.properties = properties;
        this.resources = resources;
        this.store = store;
        this.cities = cities;
        this.rules = rules;
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
        List<City> loadedCities = new CitiesReader(json).read(manifest.citiesFile(), bytes(manifest.citiesFile()),
                featuresByLayer);
        RuleBook loadedRules = new RulesReader(json).read(manifest.rulesFile(), bytes(manifest.rulesFile()),
                layers.stream().collect(Collectors.toMap(l -> l.spec().id(), LoadedLayer::spec)), featuresByLayer,
                loadedCities);
        for (LoadedLayer layer : layers) {
            write(layer);
        }
        cities.replaceAll(loadedCities);
        rules.replace(loadedRules);
        log.info("Plan data ready from {}: {} layers, {} cities, {} compliance rules", properties.location(),
                layers.size(), loadedCities.size(), loadedRules.areas().size() + loadedRules.restrictions().size()
                        + loadedRules.constraints().size());
    }

    private List<LoadedLayer> readLayers(LayerManifest manifest) {
        GeoJsonLayerReader reader = new GeoJsonLayerReader(json);
        List<LoadedLayer> layers = new ArrayList<>();
        for (LayerManifest.Entry entry : manifest.layers()) {
            byte[] content = bytes(entry.file());
            LayerSpec declared = entry.spec();
            LayerSpec spec = new LayerSpec(declared.description(), declared.fields(),
                    checksum(entry.manifestText(), content));
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
     * What the stored version was built from: the manifest entry, the file, and the rules the
     * loader applies to it, so a change of those rules (such as promoting mixed geometry types)
     * reloads layers whose files did not change.
     */
    private static String checksum(String manifestEntry, byte[] content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(LOADING_RULES.getBytes(StandardCharsets.UTF_8));
            sha256.update(manifestEntry.getBytes(StandardCharsets.UTF_8));
            sha256.update(content);
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

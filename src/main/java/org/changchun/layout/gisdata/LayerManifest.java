package org.changchun.layout.gisdata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gis-data/layers.json}: which layers the plan ships, in load order, with their
 * descriptions and typed fields, which files hold the six cities and the compliance rules, and which
 * the monitoring indicators and their baseline figures (both optional: without them there are no
 * indicators).
 */
record LayerManifest(List<Entry> layers, String citiesFile, String rulesFile, Optional<String> indicatorsFile,
                     Optional<String> observationsFile) {

    static final String FILE = "layers.json";

    /** One layer of the manifest; the checksum is filled in once the file has been read. */
    record Entry(String file, LayerSpec spec, String manifestText) {
    }

    static LayerManifest parse(JsonMapper json, byte[] content) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JacksonException e) {
            throw new GisDataException(FILE, "is not valid JSON: " + e.getOriginalMessage());
        }
        StrictJson manifest = new StrictJson(FILE, "the top level", root).allowOnly(Set.of("layers", "cities", "rules",
                "indicators", "indicator_observations"));
        List<Entry> layers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode layerNode : manifest.array("layers")) {
            Entry entry = entry(layerNode, index++);
            if (!ids.add(entry.spec().id())) {
                throw new GisDataException(FILE, "layer \"" + entry.spec().id() + "\" is listed twice");
            }
            layers.add(entry);
        }
        Optional<String> indicators = Optional.ofNullable(manifest.optionalText("indicators"));
        Optional<String> observations = Optional.ofNullable(manifest.optionalText("indicator_observations"));
        if (observations.isPresent() && indicators.isEmpty()) {
            throw manifest.problem("names \"indicator_observations\" without \"indicators\", which define them");
        }
        return new LayerManifest(List.copyOf(layers), manifest.text("cities"), manifest.text("rules"), indicators,
                observations);
    }

    private static Entry entry(JsonNode node, int index) {
        StrictJson layer = new StrictJson(FILE, "layer #" + (index + 1), node).allowOnly(Set.of("id", "file", "kind",
                "title_zh", "title_en", "description_zh", "description_en", "accuracy", "source", "licence",
                "source_zh", "source_en", "licence_zh", "licence_en", "fields"));
        String id = layer.text("id");
        if (!LayerDescription.ID_PATTERN.matcher(id).matches()) {
            throw layer.problem("has id \"" + id + "\"; ids are lower-case words joined by '-', e.g. major-zones");
        }
        StrictJson named = new StrictJson(FILE, "layer \"" + id + "\"", node);
        String kindCode = named.text("kind");
        LayerKind kind = LayerKind.fromCode(kindCode).orElseThrow(() -> named.problem(
                "has kind \"" + kindCode + "\"; use plan-area, context, projects or imported"));
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode fieldNode : named.array("fields")) {
            fields.add(field(id, fieldNode));
        }
        if (fields.stream().map(FieldSpec::name).distinct().count() != fields.size()) {
            throw named.problem("lists a field twice");
        }
        // source and licence, which API clients have always read, default to the English text
        String sourceEn = named.optionalText("source_en");
        String licenceEn = named.optionalText("licence_en");
        LayerSpec spec = new LayerSpec(new LayerDescription(id, kind, named.text("title_zh"), named.text("title_en"),
                named.optionalText("description_zh"), named.optionalText("description_en"),
                orElse(named.optionalText("source"), sourceEn), named.optionalText("accuracy"),
                orElse(named.optionalText("licence"), licenceEn), named.optionalText("source_zh"), sourceEn,
                named.optionalText("licence_zh"), licenceEn),
                fields, null);
        return new Entry(named.text("file"), spec, node.toString());
    }

    private static String orElse(String text, String fallback) {
        return text != null ? text : fallback;
    }

    private static FieldSpec field(String layerId, JsonNode node) {
        StrictJson field = new StrictJson(FILE, "a field of layer \"" + layerId + "\"", node)
                .allowOnly(Set.of("name", "type", "title_zh", "title_en"));
        String name = field.text("name");
        String typeCode = field.text("type");
        FieldType type = FieldType.fromCode(typeCode).orElseThrow(() -> field.problem(
                "\"" + name + "\" has type \"" + typeCode + "\"; use string, integer, number, boolean or date"));
        return new FieldSpec(name, type, field.optionalText("title_zh"), field.optionalText("title_en"));
    }
}

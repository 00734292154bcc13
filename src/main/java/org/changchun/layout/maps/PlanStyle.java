package org.changchun.layout.maps;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.gisdata.GisDataProperties;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.projects.ProjectFields;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one style of the plan: {@code gis-data/style.json}, a MapLibre style document, read by the map
 * page (served at {@code /ogc/styles/plan}) and by the renderer through {@link #look}. Two things are
 * filled in when it is served, so each stays defined once: {@code "plan:city-colour"} becomes a
 * {@code match} on the project's {@code city} with the colours of {@code cities.json}, and layers the
 * file does not name (imported ones) get fill, line and circle layers in the next colour of
 * {@code plan:imported-palette}, in catalog order.
 */
@Service
public class PlanStyle {

    public static final String ID = "plan";
    private static final String CITY_COLOUR = "plan:city-colour";
    private static final Color NO_CITY = new Color(0x566573);

    private final JsonMapper json;
    private final ObjectNode file;
    private final String fileDigest;
    private final LayerCatalog catalog;
    private final CityCatalog cities;
    /** The looks drawn with under one {@link #version()}: every map asks for each of its layers'. */
    private volatile Looks looks = new Looks("", Map.of());

    private record Looks(String version, Map<String, LayerLook> byLayer) {
    }

    PlanStyle(GisDataProperties data, ResourceLoader resources, JsonMapper json, LayerCatalog catalog,
              CityCatalog cities) {
        this.json = json;
        this.catalog = catalog;
        this.cities = cities;
        try (InputStream in = resources.getResource(data.location() + "style.json").getInputStream()) {
            byte[] bytes = in.readAllBytes();
            this.file = (ObjectNode) json.readTree(bytes);
            this.fileDigest = digest(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the plan style " + data.location() + "style.json cannot be read", e);
        }
    }

    /** Changes whenever anything the style draws with changes: the file, the cities' colours, the imported layers. */
    public String version() {
        StringBuilder text = new StringBuilder(fileDigest);
        cities.all().forEach(c -> text.append(',').append(c.id()).append(c.colour()));
        importedLayers().forEach(l -> text.append(',').append(l));
        return digest(text.toString());
    }

    /** The MapLibre style document as served. */
    public ObjectNode document() {
        ObjectNode document = file.deepCopy();
        ArrayNode layers = (ArrayNode) document.get("layers");
        for (JsonNode layer : layers) {
            JsonNode paint = layer.get("paint");
            if (paint instanceof ObjectNode paintObject) {
                for (String name : List.copyOf(paintObject.propertyNames())) {
                    if (CITY_COLOUR.equals(paint.get(name).asString(""))) {
                        paintObject.set(name, cityMatch());
                    }
                }
            }
        }
        List<String> imported = importedLayers();
        for (int i = 0; i < imported.size(); i++) {
            String colour = palette().get(i % palette().size());
            String id = imported.get(i);
            layers.add(styleLayer(id, "fill", json.createObjectNode().put("fill-color", colour).put("fill-opacity", 0.35)));
            layers.add(styleLayer(id, "line", json.createObjectNode().put("line-color", colour).put("line-width", 1.5)));
            layers.add(styleLayer(id, "circle", json.createObjectNode().put("circle-color", colour)
                    .put("circle-opacity", 0.8).put("circle-radius", 4).put("circle-stroke-color", colour)
                    .put("circle-stroke-width", 1)));
        }
        return document;
    }

    /** The background colour the style gives the map. */
    public Color background() {
        for (JsonNode layer : file.get("layers")) {
            if ("background".equals(layer.path("type").asString(""))) {
                return colour(layer.path("paint").path("background-color").asString("#ffffff"), 1);
            }
        }
        return Color.WHITE;
    }

    /** How the layer is drawn. */
    public LayerLook look(LayerInfo layer) {
        String version = version();
        Looks current = looks;
        if (!current.version().equals(version)) {
            current = new Looks(version, new ConcurrentHashMap<>());
            looks = current;
        }
        return current.byLayer().computeIfAbsent(layer.id(), id -> lookIn(document(), layer));
    }

    private LayerLook lookIn(ObjectNode document, LayerInfo layer) {
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        for (JsonNode styleLayer : document.get("layers")) {
            if (layer.id().equals(styleLayer.path("source-layer").asString(null))) {
                byType.putIfAbsent(styleLayer.path("type").asString(""), styleLayer);
            }
        }
        JsonNode fill = byType.get("fill");
        JsonNode line = byType.get("line");
        JsonNode circle = byType.get("circle");
        JsonNode symbol = byType.get("symbol");
        double minZoom = byType.values().stream().filter(l -> l != symbol)
                .mapToDouble(l -> l.path("minzoom").asDouble(0)).min().orElse(0);
        double maxZoom = byType.values().stream().filter(l -> l != symbol)
                .mapToDouble(l -> l.path("maxzoom").asDouble(25)).max().orElse(25);
        return new LayerLook(
                fill == null ? null : colourRule(fill.get("paint").get("fill-color"),
                        fill.get("paint").path("fill-opacity").asDouble(1)),
                line == null ? null : line(line.get("paint")),
                circle == null ? null : circle(circle.get("paint")),
                symbol == null ? null : label(symbol),
                minZoom, maxZoom);
    }

    private static LayerLook.Line line(JsonNode paint) {
        double width = paint.path("line-width").asDouble(1);
        float[] dash = null;
        if (paint.get("line-dasharray") instanceof ArrayNode array && !array.isEmpty()) {
            dash = new float[array.size()];
            for (int i = 0; i < dash.length; i++) {
                dash[i] = (float) (array.get(i).asDouble() * width);
            }
        }
        return new LayerLook.Line(colour(paint.path("line-color").asString("#000000"),
                paint.path("line-opacity").asDouble(1)), width, dash);
    }

    private LayerLook.Circle circle(JsonNode paint) {
        return new LayerLook.Circle(colourRule(paint.get("circle-color"), paint.path("circle-opacity").asDouble(1)),
                paint.path("circle-radius").asDouble(5),
                colour(paint.path("circle-stroke-color").asString("#ffffff"), 1),
                paint.path("circle-stroke-width").asDouble(0));
    }

    private static LayerLook.Label label(JsonNode symbol) {
        JsonNode field = symbol.path("layout").path("text-field");
        JsonNode paint = symbol.path("paint");
        return new LayerLook.Label(field.isArray() ? field.get(1).asString() : field.asString(),
                symbol.path("layout").path("text-size").asDouble(12),
                colour(paint.path("text-color").asString("#000000"), 1),
                colour(paint.path("text-halo-color").asString("#ffffff"), 1),
                paint.path("text-halo-width").asDouble(0),
                symbol.path("minzoom").asDouble(0));
    }

    /** A colour, or a {@code match} on a property (as {@link #cityMatch} writes it), with an opacity. */
    private static Function<Feature, Color> colourRule(JsonNode value, double opacity) {
        if (value.isArray() && "match".equals(value.get(0).asString(""))) {
            String property = value.get(1).get(1).asString();
            Map<String, Color> colours = new LinkedHashMap<>();
            for (int i = 2; i + 1 < value.size(); i += 2) {
                colours.put(value.get(i).asString(), colour(value.get(i + 1).asString(), opacity));
            }
            Color otherwise = colour(value.get(value.size() - 1).asString(), opacity);
            return feature -> colours.getOrDefault(feature.text(property), otherwise);
        }
        Color colour = colour(value.asString("#000000"), opacity);
        return feature -> colour;
    }

    private ArrayNode cityMatch() {
        ArrayNode match = json.createArrayNode().add("match");
        match.add(json.createArrayNode().add("get").add(ProjectFields.CITY));
        for (City city : cities.all()) {
            match.add(city.id()).add(city.colour());
        }
        return match.add(String.format("#%06x", NO_CITY.getRGB() & 0xffffff));
    }

    private ObjectNode styleLayer(String layerId, String type, ObjectNode paint) {
        ObjectNode layer = json.createObjectNode().put("id", layerId + "-" + type).put("type", type)
                .put("source", "plan").put("source-layer", layerId);
        layer.set("paint", paint);
        return layer;
    }

    /** Layers the style file does not name, in catalog order: each takes the next palette colour. */
    private List<String> importedLayers() {
        List<String> named = new ArrayList<>();
        file.get("layers").forEach(l -> named.add(l.path("source-layer").asString("")));
        return catalog.all().stream().map(LayerInfo::id).filter(id -> !named.contains(id)).toList();
    }

    private List<String> palette() {
        List<String> colours = new ArrayList<>();
        file.path("metadata").path("plan:imported-palette").forEach(c -> colours.add(c.asString()));
        return colours.isEmpty() ? List.of("#117a65") : colours;
    }

    static Color colour(String hex, double opacity) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff,
                (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

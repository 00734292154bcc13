package org.changchun.layout.tiles.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.locationtech.jts.geom.Envelope;

/**
 * A TileJSON 3.0.0 document (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0), for
 * MapLibre, Mapbox GL and other TileJSON clients.
 *
 * @param description  what the tiles hold and leave out, when that needs saying (the whole plan's)
 * @param attribution  the plan's sources and their caveats for plan layers; an imported layer's own
 *                     source and licence, from its description
 * @param bounds       west, south, east, north in degrees; absent when every layer is empty
 * @param center       longitude, latitude and zoom; absent with {@code bounds}
 * @param vectorLayers a layer of the tiles per collection
 */
@JsonPropertyOrder({"tilejson", "name", "description", "attribution", "tiles", "minzoom", "maxzoom", "bounds", "center",
    "vector_layers"})
record TileJson(
        String tilejson,
        String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        String attribution,
        List<String> tiles,
        int minzoom,
        int maxzoom,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> bounds,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Number> center,
        @JsonProperty("vector_layers") List<VectorLayer> vectorLayers) {

    private static final String PLAN_ATTRIBUTION = "行政区界线源自高德地图数据（开发用占位）；各板块为示意范围；项目为示例 / "
            + "district boundaries AMap-derived (development placeholder); zones schematic; projects are samples";

    /** @param fields the type ({@code String}, {@code Number}, {@code Boolean}) of each attribute, by name */
    @JsonPropertyOrder({"id", "description", "minzoom", "maxzoom", "fields"})
    record VectorLayer(String id, String description, int minzoom, int maxzoom, Map<String, String> fields) {
    }

    /**
     * @param description   null when the name says it all
     * @param tilesTemplate the tiles' address, with {z}, {y} and {x}
     */
    static TileJson of(String name, String description, String tilesTemplate, List<LayerInfo> layers, int maxZoom) {
        Envelope extent = extent(layers);
        return new TileJson("3.0.0", name, description, attribution(layers), List.of(tilesTemplate), 0, maxZoom,
                extent == null ? null : List.of(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()),
                extent == null ? null : List.of(extent.centre().x, extent.centre().y, 8),
                layers.stream().map(layer -> vectorLayer(layer, maxZoom)).toList());
    }

    /**
     * Whose data the tiles show: a layer GIS staff imported credits what it was imported from (and
     * its licence, when known), not the plan's sources, whose caveats are not its own.
     */
    private static String attribution(List<LayerInfo> layers) {
        List<LayerDescription> imported = layers.stream().map(LayerInfo::description)
                .filter(d -> d.kind() == LayerKind.IMPORTED).toList();
        if (imported.isEmpty()) {
            return PLAN_ATTRIBUTION;
        }
        return imported.stream().map(d -> {
            String source = d.source() == null ? d.titleZh() : d.source();
            return d.licence() == null ? "导入图层，来源：" + source + " / imported layer, source: " + source
                    : "导入图层，来源：" + source + "；许可：" + d.licence() + " / imported layer, source: " + source
                            + "; licence: " + d.licence();
        }).collect(Collectors.joining("; "));
    }

    private static VectorLayer vectorLayer(LayerInfo layer, int maxZoom) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "String");
        for (FieldSpec field : layer.fields()) {
            fields.put(field.name(), switch (field.type()) {
                case STRING, DATE -> "String";
                case INTEGER, NUMBER -> "Number";
                case BOOLEAN -> "Boolean";
            });
        }
        return new VectorLayer(layer.id(), layer.description().titleZh() + " / " + layer.description().titleEn(), 0,
                maxZoom, fields);
    }

    /** The extent of the layers together, or null when they are all empty. */
    static Envelope extent(List<LayerInfo> layers) {
        Envelope extent = new Envelope();
        layers.forEach(layer -> extent.expandToInclude(layer.extent()));
        return extent.isNull() ? null : extent;
    }
}

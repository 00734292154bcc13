package org.changchun.layout.tiles.serving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.LayerInfo;
import org.locationtech.jts.geom.Envelope;

/** TileJSON 3.0.0 documents (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0). */
final class TileJson {

    private TileJson() {
    }

    static Map<String, Object> of(String name, String tilesTemplate, List<LayerInfo> layers, int maxZoom) {
        Map<String, Object> tileJson = new LinkedHashMap<>();
        tileJson.put("tilejson", "3.0.0");
        tileJson.put("name", name);
        tileJson.put("attribution", "行政区界线源自高德地图数据（开发用占位）；各板块为示意范围；项目为示例 / "
                + "district boundaries AMap-derived (development placeholder); zones schematic; projects are samples");
        tileJson.put("tiles", List.of(tilesTemplate));
        tileJson.put("minzoom", 0);
        tileJson.put("maxzoom", maxZoom);
        Envelope extent = extent(layers);
        if (extent != null) {
            tileJson.put("bounds", List.of(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()));
            tileJson.put("center", List.of(extent.centre().x, extent.centre().y, 8));
        }
        tileJson.put("vector_layers", layers.stream().map(layer -> {
            Map<String, Object> vectorLayer = new LinkedHashMap<>();
            vectorLayer.put("id", layer.id());
            vectorLayer.put("description", layer.description().titleZh() + " / " + layer.description().titleEn());
            vectorLayer.put("minzoom", 0);
            vectorLayer.put("maxzoom", maxZoom);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("id", "String");
            for (FieldSpec field : layer.fields()) {
                fields.put(field.name(), switch (field.type()) {
                    case STRING, DATE -> "String";
                    case INTEGER, NUMBER -> "Number";
                    case BOOLEAN -> "Boolean";
                });
            }
            vectorLayer.put("fields", fields);
            return vectorLayer;
        }).toList());
        return tileJson;
    }

    /** The extent of the layers together, or null when they are all empty. */
    static Envelope extent(List<LayerInfo> layers) {
        Envelope extent = new Envelope();
        layers.forEach(layer -> extent.expandToInclude(layer.extent()));
        return extent.isNull() ? null : extent;
    }
}

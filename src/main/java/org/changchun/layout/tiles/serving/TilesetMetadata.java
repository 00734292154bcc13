package org.changchun.layout.tiles.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.tiles.TileMatrixSet;
import org.locationtech.jts.geom.Envelope;

/**
 * A tileset's metadata ({@code .../tiles/WebMercatorQuad}, OGC API - Tiles): the zooms served,
 * the extent, a description of each layer of the tiles and the links to TileJSON, the tile matrix
 * set and the tiles.
 *
 * @param boundingBox absent when every layer is empty
 */
@JsonPropertyOrder({"title", "tileMatrixSetURI", "crs", "dataType", "minTileMatrix", "maxTileMatrix", "boundingBox",
    "layers", "links"})
record TilesetMetadata(
        String title,
        @JsonProperty("tileMatrixSetURI") String tileMatrixSetUri,
        String crs,
        @JsonProperty("dataType") String dataType,
        @JsonProperty("minTileMatrix") String minTileMatrix,
        @JsonProperty("maxTileMatrix") String maxTileMatrix,
        @JsonProperty("boundingBox") @JsonInclude(JsonInclude.Include.NON_NULL) BoundingBox boundingBox,
        List<TilesetLayer> layers,
        List<TileLink> links) {

    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    /** Corners as longitude and latitude. */
    @JsonPropertyOrder({"lowerLeft", "upperRight", "crs"})
    record BoundingBox(
            @JsonProperty("lowerLeft") List<Double> lowerLeft,
            @JsonProperty("upperRight") List<Double> upperRight,
            String crs) {
    }

    /**
     * A layer of the tiles; named apart from other layers for the OpenAPI document, where records go
     * by their simple names.
     *
     * @param geometryDimension 0 for points, 1 for lines, 2 for polygons; absent when the layer's
     *                          features are of several kinds, or it has none
     */
    @JsonPropertyOrder({"id", "title", "dataType", "geometryDimension", "propertiesSchema"})
    record TilesetLayer(
            String id,
            String title,
            @JsonProperty("dataType") String dataType,
            @JsonProperty("geometryDimension") @JsonInclude(JsonInclude.Include.NON_NULL) Integer geometryDimension,
            @JsonProperty("propertiesSchema") PropertiesSchema propertiesSchema) {
    }

    /**
     * A JSON Schema of a layer's attributes.
     *
     * @param properties the schema of each attribute, by its name
     */
    @JsonPropertyOrder({"type", "properties"})
    record PropertiesSchema(String type, Map<String, PropertySchema> properties) {
    }

    /** @param type the attribute's JSON Schema type */
    record PropertySchema(String type) {
    }

    /**
     * @param base the service's root, as the client asked for it
     * @param path the metadata's path from there
     */
    static TilesetMetadata of(String base, String path, List<LayerInfo> layers, int maxZoom) {
        String self = base + path;
        String title = layers.size() == 1 ? layers.get(0).description().titleZh() + " / "
                + layers.get(0).description().titleEn() : "长春市规划图层 / Changchun plan layers";
        Envelope extent = TileJson.extent(layers);
        BoundingBox boundingBox = extent == null ? null : new BoundingBox(List.of(extent.getMinX(), extent.getMinY()),
                List.of(extent.getMaxX(), extent.getMaxY()), CRS84);
        return new TilesetMetadata(title, TileMatrixSet.URI, TileMatrixSet.CRS, "vector", "0", String.valueOf(maxZoom),
                boundingBox, layers.stream().map(TilesetMetadata::layer).toList(), List.of(
                        TileLink.to(self, "self", "application/json", "本瓦片集 / this tileset"),
                        TileLink.to(self + "/tilejson.json", "describedby", "application/json", "TileJSON 3.0"),
                        TileLink.tilingScheme(base, TileMatrixSet.ID),
                        TileLink.toTemplate(self + "/{tileMatrix}/{tileRow}/{tileCol}", "item", TileAnswers.MVT,
                                "瓦片 / tiles")));
    }

    private static TilesetLayer layer(LayerInfo layer) {
        Map<String, PropertySchema> fields = new LinkedHashMap<>();
        for (FieldSpec field : layer.fields()) {
            fields.put(field.name(), new PropertySchema(switch (field.type()) {
                case STRING, DATE -> "string";
                case BOOLEAN -> "boolean";
                case INTEGER -> "integer";
                case NUMBER -> "number";
            }));
        }
        String title = layer.description().titleZh() + " / " + layer.description().titleEn();
        return new TilesetLayer(layer.id(), title, "vector", dimension(layer.geometryType()),
                new PropertiesSchema("object", fields));
    }

    private static Integer dimension(String geometryType) {
        return switch (geometryType) {
            case "Point", "MultiPoint" -> 0;
            case "LineString", "MultiLineString" -> 1;
            case "Polygon", "MultiPolygon" -> 2;
            default -> null;
        };
    }
}

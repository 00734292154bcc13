package org.changchun.layout.tiles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.ogc.Link;
import org.changchun.layout.problem.NotFoundException;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.web.JsonObject;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OGC API - Tiles for every collection and for the whole plan (one MVT layer per collection), in
 * WebMercatorQuad, with tileset metadata and TileJSON 3.0. Tiles carry a strong entity tag from
 * the layers' data versions: a matching {@code If-None-Match} ({@link IfNoneMatch}) is answered
 * 304 without encoding, and a tile with no feature is answered 204; a client that accepts gzip
 * gets the tile compressed ({@link AcceptEncoding}). Anonymous tile requests rarely
 * get here: {@link PublicTiles} answers them before Spring Security, the same way.
 */
@RestController
@Tag(name = "OGC API - Tiles")
class TilesController {

    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");
    private static final String TILE_PATH = "/{tileMatrixSetId}/{z}/{y}/{x}";

    private final LayerCatalog catalog;
    private final TileService tiles;
    private final TileProperties properties;

    TilesController(LayerCatalog catalog, TileService tiles, TileProperties properties) {
        this.catalog = catalog;
        this.tiles = tiles;
        this.properties = properties;
    }

    @GetMapping("/ogc/collections/{collectionId}/tiles" + TILE_PATH)
    @Operation(summary = "一个集合的矢量瓦片 / a vector tile of one collection",
            description = "Mapbox vector tile (one layer named after the collection); 204 when empty")
    ResponseEntity<byte[]> collectionTile(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
                                          @PathVariable String z, @PathVariable String y, @PathVariable String x,
                                          HttpServletRequest request) {
        requireWebMercatorQuad(tileMatrixSetId);
        return tile(List.of(catalog.get(collectionId)), TileAddress.parse(z, y, x, properties.maxZoom()), request);
    }

    @GetMapping("/ogc/tiles" + TILE_PATH)
    @Operation(summary = "全部规划图层的矢量瓦片 / a vector tile of every plan layer",
            description = "one MVT layer per plan collection (plan areas and projects); 204 when empty")
    ResponseEntity<byte[]> datasetTile(@PathVariable String tileMatrixSetId, @PathVariable String z,
                                       @PathVariable String y, @PathVariable String x, HttpServletRequest request) {
        requireWebMercatorQuad(tileMatrixSetId);
        return tile(planLayers(catalog), TileAddress.parse(z, y, x, properties.maxZoom()), request);
    }

    @GetMapping("/ogc/collections/{collectionId}/tiles")
    @Operation(summary = "一个集合的瓦片集 / the tilesets of one collection")
    Map<String, Object> collectionTilesets(@PathVariable String collectionId) {
        LayerInfo layer = catalog.get(collectionId);
        return tilesets(base() + "/ogc/collections/" + layer.id() + "/tiles", layer.description().titleZh() + " / "
                + layer.description().titleEn());
    }

    @GetMapping("/ogc/tiles")
    @Operation(summary = "全部规划图层的瓦片集 / the tilesets of the whole plan")
    Map<String, Object> datasetTilesets() {
        return tilesets(base() + "/ogc/tiles", "长春市规划图层 / Changchun plan layers");
    }

    @GetMapping("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}")
    @Operation(summary = "瓦片集元数据 / tileset metadata")
    Map<String, Object> collectionTileset(@PathVariable String collectionId, @PathVariable String tileMatrixSetId) {
        requireWebMercatorQuad(tileMatrixSetId);
        LayerInfo layer = catalog.get(collectionId);
        return tileset(base() + "/ogc/collections/" + layer.id() + "/tiles/" + TileMatrixSet.ID, List.of(layer));
    }

    @GetMapping("/ogc/tiles/{tileMatrixSetId}")
    @Operation(summary = "瓦片集元数据 / tileset metadata of the whole plan")
    Map<String, Object> datasetTileset(@PathVariable String tileMatrixSetId) {
        requireWebMercatorQuad(tileMatrixSetId);
        return tileset(base() + "/ogc/tiles/" + TileMatrixSet.ID, planLayers(catalog));
    }

    @GetMapping("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/tilejson.json")
    @Operation(summary = "TileJSON 3.0", description = "for MapLibre, Mapbox GL and other TileJSON clients")
    Map<String, Object> collectionTileJson(@PathVariable String collectionId, @PathVariable String tileMatrixSetId) {
        requireWebMercatorQuad(tileMatrixSetId);
        LayerInfo layer = catalog.get(collectionId);
        return TileJson.of(layer.description().titleZh() + " / " + layer.description().titleEn(),
                base() + "/ogc/collections/" + layer.id() + "/tiles/" + TileMatrixSet.ID + "/{z}/{y}/{x}",
                List.of(layer), properties.maxZoom());
    }

    @GetMapping("/ogc/tiles/{tileMatrixSetId}/tilejson.json")
    @Operation(summary = "TileJSON 3.0 of the whole plan")
    Map<String, Object> datasetTileJson(@PathVariable String tileMatrixSetId) {
        requireWebMercatorQuad(tileMatrixSetId);
        return TileJson.of("长春市规划图层 / Changchun plan layers",
                base() + "/ogc/tiles/" + TileMatrixSet.ID + "/{z}/{y}/{x}", planLayers(catalog), properties.maxZoom());
    }

    @GetMapping("/ogc/tileMatrixSets")
    @Operation(summary = "瓦片矩阵集 / tile matrix sets")
    Map<String, Object> tileMatrixSets() {
        return JsonObject.of("tileMatrixSets", List.of(JsonObject.of("id", TileMatrixSet.ID,
                "title", "Google Maps Compatible for the World", "uri", TileMatrixSet.URI,
                "links", List.of(tilingScheme(null)))));
    }

    @GetMapping("/ogc/tileMatrixSets/{tileMatrixSetId}")
    @Operation(summary = "WebMercatorQuad")
    Map<String, Object> tileMatrixSet(@PathVariable String tileMatrixSetId) {
        requireWebMercatorQuad(tileMatrixSetId);
        return TileMatrixSet.definition(properties.maxZoom());
    }

    private ResponseEntity<byte[]> tile(List<LayerInfo> layers, TileAddress address, HttpServletRequest request) {
        TileReply reply = TileReply.to(layers, address, AcceptEncoding.allowsGzip(request),
                etag -> IfNoneMatch.matches(request, etag), tiles);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(reply.status()).eTag(reply.etag())
                .cacheControl(caching(properties)).varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (reply.status() != TileReply.OK) {
            return answer.build();
        }
        if (reply.tile().gzipped()) {
            answer.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return answer.contentType(MVT).body(reply.tile().bytes());
    }

    /** The layers of a whole-plan tile: every layer but those GIS staff imported. */
    static List<LayerInfo> planLayers(LayerCatalog catalog) {
        return catalog.all().stream().filter(l -> l.kind() != LayerKind.IMPORTED).toList();
    }

    static CacheControl caching(TileProperties properties) {
        return CacheControl.maxAge(properties.maxAge()).cachePublic();
    }

    private Map<String, Object> tilesets(String self, String title) {
        Map<String, Object> tileset = new LinkedHashMap<>();
        tileset.put("title", title);
        tileset.put("tileMatrixSetURI", TileMatrixSet.URI);
        tileset.put("crs", TileMatrixSet.CRS);
        tileset.put("dataType", "vector");
        tileset.put("links", List.of(
                new Link(self + "/" + TileMatrixSet.ID, "self", "application/json", "瓦片集 / tileset"),
                tilingScheme("WebMercatorQuad")));
        return JsonObject.of("links", List.of(new Link(self, "self", "application/json", "瓦片集列表 / tilesets")),
                "tilesets", List.of(tileset));
    }

    private Map<String, Object> tileset(String self, List<LayerInfo> layers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", layers.size() == 1 ? layers.get(0).description().titleZh() + " / "
                + layers.get(0).description().titleEn() : "长春市规划图层 / Changchun plan layers");
        body.put("tileMatrixSetURI", TileMatrixSet.URI);
        body.put("crs", TileMatrixSet.CRS);
        body.put("dataType", "vector");
        body.put("minTileMatrix", "0");
        body.put("maxTileMatrix", String.valueOf(properties.maxZoom()));
        Envelope extent = TileJson.extent(layers);
        if (extent != null) {
            body.put("boundingBox", JsonObject.of("lowerLeft", List.of(extent.getMinX(), extent.getMinY()),
                    "upperRight", List.of(extent.getMaxX(), extent.getMaxY()),
                    "crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
        }
        body.put("layers", layers.stream().map(layer -> {
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("id", layer.id());
            description.put("title", layer.description().titleZh() + " / " + layer.description().titleEn());
            description.put("dataType", "vector");
            description.put("geometryDimension", dimension(layer.geometryType()));
            Map<String, Object> fields = new LinkedHashMap<>();
            for (FieldSpec field : layer.fields()) {
                fields.put(field.name(), Map.of("type", switch (field.type()) {
                    case STRING, DATE -> "string";
                    case BOOLEAN -> "boolean";
                    case INTEGER -> "integer";
                    case NUMBER -> "number";
                }));
            }
            description.put("propertiesSchema", JsonObject.of("type", "object", "properties", fields));
            return description;
        }).toList());
        body.put("links", List.of(
                new Link(self, "self", "application/json", "本瓦片集 / this tileset"),
                new Link(self + "/tilejson.json", "describedby", "application/json", "TileJSON 3.0"),
                tilingScheme("WebMercatorQuad"),
                JsonObject.of("href", self + "/{tileMatrix}/{tileRow}/{tileCol}", "rel", "item",
                        "type", MVT.toString(), "templated", true, "title", "瓦片 / tiles")));
        return body;
    }

    private static Integer dimension(String geometryType) {
        return switch (geometryType) {
            case "Point", "MultiPoint" -> 0;
            case "LineString", "MultiLineString" -> 1;
            case "Polygon", "MultiPolygon" -> 2;
            default -> null;
        };
    }

    /** The link to the tile matrix set's definition; {@code title} may be null. */
    private static Link tilingScheme(String title) {
        return new Link(base() + "/ogc/tileMatrixSets/" + TileMatrixSet.ID,
                "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", "application/json", title);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    private static void requireWebMercatorQuad(String tileMatrixSetId) {
        if (!TileMatrixSet.ID.equals(tileMatrixSetId)) {
            throw new UnknownTileMatrixSetException(tileMatrixSetId);
        }
    }

    static class UnknownTileMatrixSetException extends NotFoundException {

        UnknownTileMatrixSetException(String id) {
            super("瓦片矩阵集", "tile matrix set (only WebMercatorQuad is served)", id);
        }
    }
}

package org.changchun.layout.tiles.serving;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.tiles.TileMatrixSet;
import org.changchun.layout.tiles.TileProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OGC API - Tiles for every collection and for the whole plan (one MVT layer per collection), in
 * WebMercatorQuad, with tileset metadata and TileJSON 3.0. A tile is answered as
 * {@link TileAnswers} decides: a strong entity tag from the layers' data versions, 304 for a
 * matching {@code If-None-Match} without encoding, 204 for a tile with no feature, gzip for a
 * client that accepts it. Anonymous tile requests rarely get here: {@link PublicTiles} answers
 * them before Spring Security, the same way.
 */
@RestController
@Tag(name = "OGC API - Tiles")
class TilesController {

    private static final String PLAN_TITLE = "长春市规划图层 / Changchun plan layers";
    private static final String PLAN_TILES_HOLD = "全部规划图层，每个集合一个矢量图层；GIS 人员导入的图层不在其中，"
            + "各有自己的 TileJSON：/ogc/collections/{id}/tiles/WebMercatorQuad/tilejson.json / every plan layer, one "
            + "vector layer per collection; layers GIS staff imported are not in these tiles: each has its own TileJSON "
            + "at /ogc/collections/{id}/tiles/WebMercatorQuad/tilejson.json";
    private static final TileAnswers.HeaderWriter<ResponseEntity.BodyBuilder> HEADERS =
            ResponseEntity.BodyBuilder::header;

    private final LayerCatalog catalog;
    private final TileAnswers answers;
    private final int maxZoom;

    TilesController(LayerCatalog catalog, TileAnswers answers, TileProperties properties) {
        this.catalog = catalog;
        this.answers = answers;
        this.maxZoom = properties.maxZoom();
    }

    @GetMapping(TileRoute.COLLECTION_TILE)
    @Operation(summary = "一个集合的矢量瓦片 / a vector tile of one collection",
            description = "Mapbox vector tile (one layer named after the collection); 204 when empty")
    @ApiResponse(responseCode = "200", description = "the tile, gzip-coded for a client that accepts it", headers = {
        @Header(name = "ETag", description = "from the layers' data versions"),
        @Header(name = "Cache-Control", description = "public, max-age from plan.tiles.max-age")},
            content = @Content(mediaType = TileAnswers.MVT, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "204", description = "瓦片内无要素 / no feature in this tile")
    @ApiResponse(responseCode = "304", description = "未变 / unchanged since the ETag in If-None-Match")
    @ApiResponse(responseCode = "404", description = "没有该集合、瓦片矩阵集或瓦片 / no such collection, tile matrix "
            + "set or tile (z beyond the deepest zoom, x or y outside the matrix)")
    ResponseEntity<byte[]> collectionTile(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
                                          @Parameter(schema = @Schema(type = "integer", minimum = "0"))
                                          @PathVariable String z,
                                          @Parameter(schema = @Schema(type = "integer", minimum = "0"))
                                          @PathVariable String y,
                                          @Parameter(schema = @Schema(type = "integer", minimum = "0"))
                                          @PathVariable String x,
                                          HttpServletRequest request) {
        return answer(answers.collectionTile(collectionId, tileMatrixSetId, z, y, x), request);
    }

    @GetMapping(TileRoute.PLAN_TILE)
    @Operation(summary = "全部规划图层的矢量瓦片 / a vector tile of every plan layer",
            description = "one MVT layer per plan collection (plan areas and projects); 204 when empty")
    @ApiResponse(responseCode = "200", description = "the tile, gzip-coded for a client that accepts it", headers = {
        @Header(name = "ETag", description = "from the layers' data versions"),
        @Header(name = "Cache-Control", description = "public, max-age from plan.tiles.max-age")},
            content = @Content(mediaType = TileAnswers.MVT, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "204", description = "瓦片内无要素 / no feature in this tile")
    @ApiResponse(responseCode = "304", description = "未变 / unchanged since the ETag in If-None-Match")
    @ApiResponse(responseCode = "404", description = "没有该瓦片矩阵集或瓦片 / no such tile matrix set or tile (z "
            + "beyond the deepest zoom, x or y outside the matrix)")
    ResponseEntity<byte[]> datasetTile(@PathVariable String tileMatrixSetId,
                                       @Parameter(schema = @Schema(type = "integer", minimum = "0"))
                                       @PathVariable String z,
                                       @Parameter(schema = @Schema(type = "integer", minimum = "0"))
                                       @PathVariable String y,
                                       @Parameter(schema = @Schema(type = "integer", minimum = "0"))
                                       @PathVariable String x,
                                       HttpServletRequest request) {
        return answer(answers.planTile(tileMatrixSetId, z, y, x), request);
    }

    @GetMapping(value = "/ogc/collections/{collectionId}/tiles", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "一个集合的瓦片集 / the tilesets of one collection")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该集合 / no collection with this id")
    Tilesets collectionTilesets(@PathVariable String collectionId) {
        LayerInfo layer = catalog.get(collectionId);
        return Tilesets.of(base(), "/ogc/collections/" + layer.id() + "/tiles", title(layer));
    }

    @GetMapping(value = "/ogc/tiles", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "全部规划图层的瓦片集 / the tilesets of the whole plan")
    @ApiResponse(responseCode = "200", description = "OK")
    Tilesets datasetTilesets() {
        return Tilesets.of(base(), "/ogc/tiles", PLAN_TITLE);
    }

    @GetMapping(value = "/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "瓦片集元数据 / tileset metadata")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该集合或瓦片矩阵集 / no such collection, or no such tile "
            + "matrix set")
    TilesetMetadata collectionTileset(@PathVariable String collectionId, @PathVariable String tileMatrixSetId) {
        TileMatrixSet.require(tileMatrixSetId);
        LayerInfo layer = catalog.get(collectionId);
        return TilesetMetadata.of(base(), "/ogc/collections/" + layer.id() + "/tiles/" + TileMatrixSet.ID,
                List.of(layer), maxZoom);
    }

    @GetMapping(value = "/ogc/tiles/{tileMatrixSetId}", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "瓦片集元数据 / tileset metadata of the whole plan")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该瓦片矩阵集 / no such tile matrix set")
    TilesetMetadata datasetTileset(@PathVariable String tileMatrixSetId) {
        TileMatrixSet.require(tileMatrixSetId);
        return TilesetMetadata.of(base(), "/ogc/tiles/" + TileMatrixSet.ID, answers.planLayers(), maxZoom);
    }

    @GetMapping(value = "/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/tilejson.json", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "TileJSON 3.0", description = "for MapLibre, Mapbox GL and other TileJSON clients")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该集合或瓦片矩阵集 / no such collection, or no such tile "
            + "matrix set")
    TileJson collectionTileJson(@PathVariable String collectionId, @PathVariable String tileMatrixSetId) {
        TileMatrixSet.require(tileMatrixSetId);
        LayerInfo layer = catalog.get(collectionId);
        return TileJson.of(title(layer), null,
                base() + "/ogc/collections/" + layer.id() + "/tiles/" + TileMatrixSet.ID + "/{z}/{y}/{x}",
                List.of(layer), maxZoom);
    }

    @GetMapping(value = "/ogc/tiles/{tileMatrixSetId}/tilejson.json", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "TileJSON 3.0 of the whole plan")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该瓦片矩阵集 / no such tile matrix set")
    TileJson datasetTileJson(@PathVariable String tileMatrixSetId) {
        TileMatrixSet.require(tileMatrixSetId);
        return TileJson.of(PLAN_TITLE, PLAN_TILES_HOLD, base() + "/ogc/tiles/" + TileMatrixSet.ID + "/{z}/{y}/{x}",
                answers.planLayers(), maxZoom);
    }

    @GetMapping(value = "/ogc/tileMatrixSets", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "瓦片矩阵集 / tile matrix sets")
    @ApiResponse(responseCode = "200", description = "OK")
    TileMatrixSets tileMatrixSets() {
        return TileMatrixSets.of(base());
    }

    @GetMapping(value = "/ogc/tileMatrixSets/{tileMatrixSetId}", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "WebMercatorQuad")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该瓦片矩阵集 / no such tile matrix set")
    TileMatrixSet tileMatrixSet(@PathVariable String tileMatrixSetId) {
        TileMatrixSet.require(tileMatrixSetId);
        return TileMatrixSet.webMercatorQuad(maxZoom);
    }

    private ResponseEntity<byte[]> answer(TileRoute route, HttpServletRequest request) {
        TileReply reply = answers.reply(route, request, ServletRequestView.INSTANCE);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(reply.status());
        answers.writeHeaders(reply, TileAnswers.Door.FULL_CHAIN, answer, HEADERS);
        return reply.body() == null ? answer.build() : answer.body(reply.body());
    }

    private static String title(LayerInfo layer) {
        return layer.description().titleZh() + " / " + layer.description().titleEn();
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}

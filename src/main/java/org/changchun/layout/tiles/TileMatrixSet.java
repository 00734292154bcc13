package org.changchun.layout.tiles;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.problem.NotFoundException;

/**
 * The WebMercatorQuad tile matrix set, the only one served, as OGC 17-083r4 (TMS 2.0) defines it:
 * its identifiers, and its definition as {@code /ogc/tileMatrixSets/WebMercatorQuad} answers it.
 *
 * @param tileMatrices one per zoom served, from 0
 */
@JsonPropertyOrder({"id", "title", "uri", "crs", "orderedAxes", "wellKnownScaleSet", "tileMatrices"})
public record TileMatrixSet(
        String id,
        String title,
        String uri,
        String crs,
        @JsonProperty("orderedAxes") List<String> orderedAxes,
        @JsonProperty("wellKnownScaleSet") String wellKnownScaleSet,
        @JsonProperty("tileMatrices") List<TileMatrix> tileMatrices) {

    public static final String ID = "WebMercatorQuad";
    public static final String TITLE = "Google Maps Compatible for the World";
    public static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    public static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    private static final String WELL_KNOWN_SCALE_SET = "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible";
    private static final double STANDARDIZED_PIXEL_METRES = 0.00028;
    private static final int TILE_PIXELS = 256;

    /**
     * One zoom's matrix: tiles of 256 pixels from the top left corner of the world.
     *
     * @param id       the zoom, as text
     * @param cellSize metres a pixel covers
     */
    @JsonPropertyOrder({"id", "scaleDenominator", "cellSize", "cornerOfOrigin", "pointOfOrigin", "tileWidth",
        "tileHeight", "matrixWidth", "matrixHeight"})
    public record TileMatrix(
            String id,
            @JsonProperty("scaleDenominator") double scaleDenominator,
            @JsonProperty("cellSize") double cellSize,
            @JsonProperty("cornerOfOrigin") String cornerOfOrigin,
            @JsonProperty("pointOfOrigin") List<Double> pointOfOrigin,
            @JsonProperty("tileWidth") int tileWidth,
            @JsonProperty("tileHeight") int tileHeight,
            @JsonProperty("matrixWidth") long matrixWidth,
            @JsonProperty("matrixHeight") long matrixHeight) {
    }

    /** The set with a matrix for every zoom up to {@code maxZoom}. */
    public static TileMatrixSet webMercatorQuad(int maxZoom) {
        List<TileMatrix> matrices = new ArrayList<>();
        for (int z = 0; z <= maxZoom; z++) {
            double cellSize = 2 * WebMercator.HALF_WORLD / TILE_PIXELS / (1L << z);
            matrices.add(new TileMatrix(String.valueOf(z), cellSize / STANDARDIZED_PIXEL_METRES, cellSize, "topLeft",
                    List.of(-WebMercator.HALF_WORLD, WebMercator.HALF_WORLD), TILE_PIXELS, TILE_PIXELS, 1L << z,
                    1L << z));
        }
        return new TileMatrixSet(ID, TITLE, URI, CRS, List.of("X", "Y"), WELL_KNOWN_SCALE_SET, matrices);
    }

    /** @throws NotFoundException (404) unless the id names this tile matrix set */
    public static void require(String tileMatrixSetId) {
        if (!ID.equals(tileMatrixSetId)) {
            throw new UnknownTileMatrixSetException(tileMatrixSetId);
        }
    }

    private static class UnknownTileMatrixSetException extends NotFoundException {

        UnknownTileMatrixSetException(String id) {
            super("瓦片矩阵集", "tile matrix set (only WebMercatorQuad is served)", id);
        }
    }
}

package org.changchun.layout.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.problem.NotFoundException;

/** The WebMercatorQuad tile matrix set, the only one served, as OGC 17-083r4 (TMS 2.0) defines it. */
public final class TileMatrixSet {

    public static final String ID = "WebMercatorQuad";
    public static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    public static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    private static final double STANDARDIZED_PIXEL_METRES = 0.00028;

    private TileMatrixSet() {
    }

    public static Map<String, Object> definition(int maxZoom) {
        List<Map<String, Object>> matrices = new ArrayList<>();
        for (int z = 0; z <= maxZoom; z++) {
            double cellSize = 2 * WebMercator.HALF_WORLD / 256 / (1L << z);
            Map<String, Object> matrix = new LinkedHashMap<>();
            matrix.put("id", String.valueOf(z));
            matrix.put("scaleDenominator", cellSize / STANDARDIZED_PIXEL_METRES);
            matrix.put("cellSize", cellSize);
            matrix.put("cornerOfOrigin", "topLeft");
            matrix.put("pointOfOrigin", List.of(-WebMercator.HALF_WORLD, WebMercator.HALF_WORLD));
            matrix.put("tileWidth", 256);
            matrix.put("tileHeight", 256);
            matrix.put("matrixWidth", 1L << z);
            matrix.put("matrixHeight", 1L << z);
            matrices.add(matrix);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", ID);
        definition.put("title", "Google Maps Compatible for the World");
        definition.put("uri", URI);
        definition.put("crs", CRS);
        definition.put("orderedAxes", List.of("X", "Y"));
        definition.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        definition.put("tileMatrices", matrices);
        return definition;
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

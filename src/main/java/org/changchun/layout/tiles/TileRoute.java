package org.changchun.layout.tiles;

import java.util.List;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.query.InvalidQueryException;

/**
 * A tile request's path read without Spring MVC, for the answers made before it ({@link PublicTiles})
 * or without it ({@link TileListener}).
 *
 * @param pattern the route as Spring's request metrics name it
 * @param layers  the layers drawn: one collection's, or the whole plan's
 */
record TileRoute(String pattern, List<LayerInfo> layers, TileAddress address) {

    private static final String COLLECTION_ROUTE = "/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{z}/{y}/{x}";
    private static final String DATASET_ROUTE = "/ogc/tiles/{tileMatrixSetId}/{z}/{y}/{x}";

    /**
     * The tile a path names, or null when it names none that can be answered here: not a tile path,
     * an unknown layer or tile matrix set, an address that is not a number or not in the matrix.
     * The controller answers those, with the problem document that says what to fix.
     */
    static TileRoute of(String path, LayerCatalog catalog, int maxZoom) {
        String[] parts = path.split("/");
        try {
            if (parts.length == 9 && parts[2].equals("collections") && parts[4].equals("tiles")
                    && parts[5].equals(TileMatrixSet.ID) && parts[1].equals("ogc")) {
                return catalog.find(parts[3]).map(layer -> new TileRoute(COLLECTION_ROUTE, List.of(layer),
                        address(parts, 6, maxZoom))).orElse(null);
            }
            if (parts.length == 7 && parts[2].equals("tiles") && parts[3].equals(TileMatrixSet.ID)
                    && parts[1].equals("ogc")) {
                return new TileRoute(DATASET_ROUTE, TilesController.planLayers(catalog), address(parts, 4, maxZoom));
            }
        } catch (InvalidQueryException | TileNotFoundException e) {
            return null;
        }
        return null;
    }

    private static TileAddress address(String[] parts, int first, int maxZoom) {
        return TileAddress.parse(parts[first], parts[first + 1], parts[first + 2], maxZoom);
    }
}

package org.changchun.layout.tiles.serving;

import java.util.List;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.tiles.TileAddress;

/**
 * The tile a request names, as {@link TileAnswers} reads it from the path or from the controller's
 * path variables.
 *
 * @param pattern the route, as the controller is mapped to it and request metrics name it
 * @param layers  the layers drawn: one collection's, or the whole plan's
 */
public record TileRoute(String pattern, List<LayerInfo> layers, TileAddress address) {

    /** A tile of one collection. */
    static final String COLLECTION_TILE = "/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{z}/{y}/{x}";
    /** A tile of the whole plan, a layer per collection. */
    static final String PLAN_TILE = "/ogc/tiles/{tileMatrixSetId}/{z}/{y}/{x}";
}

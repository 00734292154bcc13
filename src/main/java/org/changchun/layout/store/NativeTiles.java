package org.changchun.layout.store;

import java.util.List;
import org.changchun.layout.feature.LayerInfo;

/** A store that encodes Mapbox vector tiles itself, next to the data. */
public interface NativeTiles {

    /**
     * One layer of a tile.
     *
     * @param layer                the layer whose features go in, as the tile's entity tag saw it
     * @param mvtLayerName         the name of the layer inside the tile
     * @param pointCellPixels      0 to keep every point; otherwise points are merged into one per
     *                             cell of this many tile units (the quadtree cell that holds the
     *                             point, drawn at its centre: {@code tiles/MergeCells}), with a
     *                             {@code point_count} attribute, and carry no other attributes
     * @param pointsDrawnElsewhere the merged points are left out and only the layer's other features
     *                             drawn: the caller counts the points in memory and appends them to
     *                             the layer ({@code tiles/MergedPointTile}); only with merged points
     */
    record Layer(LayerInfo layer, String mvtLayerName, int pointCellPixels, boolean pointsDrawnElsewhere) {

        public Layer {
            if (pointsDrawnElsewhere && pointCellPixels <= 0) {
                throw new IllegalArgumentException("only merged points are drawn elsewhere; layer " + layer.id()
                        + " keeps every point");
            }
        }

        public Layer(LayerInfo layer, String mvtLayerName, int pointCellPixels) {
            this(layer, mvtLayerName, pointCellPixels, false);
        }

        public String layerId() {
            return layer.id();
        }

        /** The same layer without its merged points, which the caller draws. */
        public Layer withPointsDrawnElsewhere() {
            return new Layer(layer, mvtLayerName, pointCellPixels, true);
        }
    }

    /**
     * Encodes the tile z/x/y of WebMercatorQuad with the given layers, in order. Geometries are
     * clipped to the tile plus {@code buffer} pixels and snapped to the {@code extent} grid;
     * features keep their attributes (and their id as attribute {@code id}).
     *
     * @return the MVT bytes; empty when no feature falls in the tile
     */
    byte[] tile(int z, int x, int y, int extent, int buffer, List<Layer> layers);
}

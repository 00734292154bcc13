package org.changchun.layout.store;

import java.util.List;
import java.util.Optional;
import org.changchun.layout.feature.LayerInfo;

/** A store that encodes Mapbox vector tiles itself, next to the data. */
public interface NativeTiles {

    /**
     * One layer of a tile.
     *
     * @param layer           the layer whose features go in, as the tile's entity tag saw it
     * @param mvtLayerName    the name of the layer inside the tile
     * @param pointCellPixels 0 to keep every point; otherwise points are merged into one per cell
     *                        of this many tile units (the quadtree cell that holds the point,
     *                        drawn at its centre: {@code tiles/MergeCells}), with a
     *                        {@code point_count} attribute, and carry no other attributes
     * @param countedPoints   the layer's merged points, counted already (from points held in memory):
     *                        the store then draws these instead of merging the layer's points itself,
     *                        and the layer's other features as always
     */
    record Layer(LayerInfo layer, String mvtLayerName, int pointCellPixels, Optional<CountedPoints> countedPoints) {

        public Layer(LayerInfo layer, String mvtLayerName, int pointCellPixels) {
            this(layer, mvtLayerName, pointCellPixels, Optional.empty());
        }

        public String layerId() {
            return layer.id();
        }

        /** The same layer, with its merged points counted already. */
        public Layer withCountedPoints(CountedPoints counted) {
            return new Layer(layer, mvtLayerName, pointCellPixels, Optional.of(counted));
        }
    }

    /**
     * A tile's merged points, one per cell: the cell's centre in tile units (y down) and how many
     * points it holds, index by index.
     */
    record CountedPoints(int[] x, int[] y, long[] pointCounts) {

        public CountedPoints {
            if (x.length != y.length || x.length != pointCounts.length) {
                throw new IllegalArgumentException("x, y and pointCounts differ in length: "
                        + x.length + ", " + y.length + ", " + pointCounts.length);
            }
        }

        public int size() {
            return x.length;
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

package org.changchun.layout.tiles;

import org.changchun.layout.geo.WebMercator;
import org.locationtech.jts.geom.Envelope;

/** One tile of the WebMercatorQuad tile matrix set (OGC 17-083r4): zoom, row (y) and column (x). */
public record TileAddress(int z, int y, int x) {

    /**
     * @throws TileNotFoundException if the tile lies outside the matrix set
     */
    public static TileAddress of(int z, int y, int x, int maxZoom) {
        if (z < 0 || z > maxZoom || x < 0 || y < 0 || x >= (1L << z) || y >= (1L << z)) {
            throw new TileNotFoundException(z, y, x, maxZoom);
        }
        return new TileAddress(z, y, x);
    }

    /** The tile's square in Web Mercator metres; row 0 is at the top (north). */
    public Envelope mercator() {
        return WebMercator.tile(z, x, y, 0);
    }

    /** The square grown by {@code buffer} of {@code extent} units on each side. */
    Envelope mercator(int extent, int buffer) {
        return WebMercator.tile(z, x, y, (double) buffer / extent);
    }
}

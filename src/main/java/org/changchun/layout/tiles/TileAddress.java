package org.changchun.layout.tiles;

import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.http.NumberParameter;
import org.changchun.layout.query.InvalidQueryException;
import org.locationtech.jts.geom.Envelope;

/** One tile of the WebMercatorQuad tile matrix set (OGC 17-083r4): zoom, row (y) and column (x). */
public record TileAddress(int z, int y, int x) {

    // a number of the path that is not a whole number, or a negative one, names no tile at all (400);
    // one that is a whole number but beyond the matrix set names a tile that does not exist (404)
    private static final NumberParameter<Integer> ZOOM = NumberParameter.integer("z", 0, Integer.MAX_VALUE);
    private static final NumberParameter<Integer> ROW = NumberParameter.integer("y", 0, Integer.MAX_VALUE);
    private static final NumberParameter<Integer> COLUMN = NumberParameter.integer("x", 0, Integer.MAX_VALUE);

    /**
     * The tile a path's three numbers name.
     *
     * @throws InvalidQueryException if one is not a whole number from 0 on
     * @throws TileNotFoundException if the tile lies outside the matrix set
     */
    public static TileAddress parse(String z, String y, String x, int maxZoom) {
        return of(number(z, ZOOM), number(y, ROW), number(x, COLUMN), maxZoom);
    }

    /**
     * The usual address, up to nine ASCII digits, is read directly: every tile read parses three,
     * and the parameter's general reading (pattern, BigDecimal) would cost a cache hit a few percent.
     */
    private static int number(String text, NumberParameter<Integer> parameter) {
        if (text != null && !text.isEmpty() && text.length() <= 9) {
            int value = 0;
            for (int i = 0; i < text.length(); i++) {
                char digit = text.charAt(i);
                if (digit < '0' || digit > '9') {
                    return parameter.require(text);
                }
                value = value * 10 + (digit - '0');
            }
            return value;
        }
        return parameter.require(text);
    }

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

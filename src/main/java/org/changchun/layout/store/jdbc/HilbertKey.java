package org.changchun.layout.store.jdbc;

import org.locationtech.jts.geom.Envelope;

/**
 * Where a geometry's centre lies along a Hilbert curve over the whole globe in longitude and
 * latitude: sorting rows by it puts rows of neighbouring places on neighbouring pages, as
 * PostGIS's own {@code ORDER BY geom} does. The curve has 2<sup>{@value #ORDER}</sup> steps a side (cells
 * of about 19 m by 10 m), finer than a page of points; the key fits in {@value #BITS} bits.
 */
final class HilbertKey {

    static final int ORDER = 21;
    static final int BITS = 2 * ORDER;
    private static final int SIDE = 1 << ORDER;

    private HilbertKey() {
    }

    /** The key of the box's centre; 0 for an empty box. */
    static long of(Envelope box) {
        if (box.isNull()) {
            return 0;
        }
        return of(cell((box.getMinX() + box.getMaxX()) / 2, -180, 360), cell((box.getMinY() + box.getMaxY()) / 2, -90, 180));
    }

    private static int cell(double value, double origin, double span) {
        double share = (value - origin) / span;
        return (int) Math.max(0, Math.min(SIDE - 1, Math.floor(share * SIDE)));
    }

    /** The distance along the curve of cell (x, y): the classic conversion, one quadrant per level. */
    static long of(int x, int y) {
        long distance = 0;
        for (int half = SIDE >>> 1; half > 0; half >>>= 1) {
            int right = (x & half) != 0 ? 1 : 0;
            int up = (y & half) != 0 ? 1 : 0;
            distance += (long) half * half * ((3 * right) ^ up);
            // rotate the quadrant so the curve inside it runs the same way as at the level above
            if (up == 0) {
                if (right == 1) {
                    // flipping the bits above too changes nothing: they are not looked at again
                    x = SIDE - 1 - x;
                    y = SIDE - 1 - y;
                }
                int swap = x;
                x = y;
                y = swap;
            }
        }
        return distance;
    }
}

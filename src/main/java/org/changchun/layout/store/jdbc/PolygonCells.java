package org.changchun.layout.store.jdbc;

import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A plan polygon's envelope cut, quadtree fashion, into boxes known to lie inside it, outside it
 * or across its boundary, built lazily where features fall. A feature whose envelope lies in
 * boxes that are all inside (or all outside) is settled without an exact test against a
 * district boundary of thousands of vertices, which is most features of an import; the rest
 * get the exact test. The answers are exact: a box counts as inside only when its closed
 * rectangle does not meet the boundary and its centre is in the interior. Safe for several
 * linking threads: a box's verdict is final, and its quarters are published whole.
 */
final class PolygonCells {

    /** How an envelope lies with respect to the polygon, as far as the boxes can tell. */
    enum Verdict {
        /** In the polygon's interior: the polygon contains anything inside the envelope. */
        INSIDE,
        /** Outside the polygon: nothing inside the envelope intersects it. */
        OUTSIDE,
        /** Near the boundary or beyond the envelope: only an exact test can tell. */
        UNDECIDED
    }

    /** Boxes of 1/1024th of the polygon's envelope are small next to a project, big next to a vertex. */
    private static final int MAX_DEPTH = 10;

    private final Geometry polygon;
    private final PreparedGeometry boundary;
    private final PointOnGeometryLocator locator;
    private final Cell root;

    PolygonCells(Geometry polygon, PointOnGeometryLocator locator) {
        this.polygon = polygon;
        this.boundary = PreparedGeometryFactory.prepare(polygon.getBoundary());
        this.locator = locator;
        this.root = new Cell(polygon.getEnvelopeInternal(), 0);
    }

    Verdict classify(Envelope feature) {
        if (root.box.covers(feature)) {
            return root.verdict(feature);
        }
        // beyond the polygon's envelope lies only its outside
        Envelope within = root.box.intersection(feature);
        if (within.isNull()) {
            return Verdict.OUTSIDE;
        }
        return root.verdict(within) == Verdict.OUTSIDE ? Verdict.OUTSIDE : Verdict.UNDECIDED;
    }

    private Verdict classifyBox(Envelope box) {
        if (boundary.intersects(polygon.getFactory().toGeometry(box))) {
            return Verdict.UNDECIDED;
        }
        // a box the boundary does not cross lies wholly on the side of its centre
        return locator.locate(box.centre()) == Location.INTERIOR ? Verdict.INSIDE : Verdict.OUTSIDE;
    }

    private final class Cell {
        final Envelope box;
        final int depth;
        final Verdict verdict;
        /** Split when a feature first needs them, by whichever linking thread comes first (both split alike). */
        volatile Cell[] quarters;

        Cell(Envelope box, int depth) {
            this.box = box;
            this.depth = depth;
            this.verdict = classifyBox(box);
        }

        /** The verdict for a feature envelope this cell covers. */
        Verdict verdict(Envelope feature) {
            if (verdict != Verdict.UNDECIDED || depth == MAX_DEPTH) {
                return verdict;
            }
            // quarters smaller than the feature cannot all be inside (or outside) unless this box
            // is: building them would cost more than the exact test they might save
            if (feature.getWidth() > box.getWidth() / 2 || feature.getHeight() > box.getHeight() / 2) {
                return Verdict.UNDECIDED;
            }
            Cell[] split = quarters;
            if (split == null) {
                split = split();
                quarters = split;
            }
            Verdict common = null;
            for (Cell quarter : split) {
                if (!quarter.box.intersects(feature)) {
                    continue;
                }
                Verdict part = quarter.verdict(feature);
                if (part == Verdict.UNDECIDED || (common != null && part != common)) {
                    return Verdict.UNDECIDED;
                }
                common = part;
            }
            return common == null ? Verdict.UNDECIDED : common;
        }

        private Cell[] split() {
            double midX = (box.getMinX() + box.getMaxX()) / 2;
            double midY = (box.getMinY() + box.getMaxY()) / 2;
            return new Cell[] {
                new Cell(new Envelope(box.getMinX(), midX, box.getMinY(), midY), depth + 1),
                new Cell(new Envelope(midX, box.getMaxX(), box.getMinY(), midY), depth + 1),
                new Cell(new Envelope(box.getMinX(), midX, midY, box.getMaxY()), depth + 1),
                new Cell(new Envelope(midX, box.getMaxX(), midY, box.getMaxY()), depth + 1)};
        }
    }
}

package org.changchun.layout.geo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Reprojects JTS geometries with proj4j. proj4j's transforms keep intermediate state, so one is
 * made per call; the coordinate reference systems themselves are parsed once and shared.
 */
public final class Reprojection {

    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    private static final ConcurrentHashMap<Integer, CoordinateReferenceSystem> BY_EPSG = new ConcurrentHashMap<>();

    private Reprojection() {
    }

    /**
     * A copy of the geometry with every coordinate transformed from one EPSG code to another,
     * x and y in each system's proj4 (east, north) order.
     *
     * @throws IllegalArgumentException if proj4j does not know one of the codes
     */
    public static Geometry transform(Geometry geometry, int fromEpsg, int toEpsg) {
        Geometry copy = geometry.copy();
        if (fromEpsg != toEpsg) {
            CoordinateTransform transform = TRANSFORMS.createTransform(crs(fromEpsg), crs(toEpsg));
            copy.apply(new TransformFilter(transform));
        }
        copy.setSRID(toEpsg);
        return copy;
    }

    /**
     * A reusable transformation between two EPSG codes, for converting many geometries; like
     * proj4j's transforms it keeps state, so one instance serves one thread.
     */
    public static UnaryOperator<Geometry> transformer(int fromEpsg, int toEpsg) {
        UnaryOperator<Geometry> inPlace = inPlace(fromEpsg, toEpsg);
        return geometry -> inPlace.apply(geometry.copy());
    }

    /**
     * Like {@link #transformer}, but changing the geometries it is given instead of copies of them:
     * for a caller that owns them, e.g. an import's records, each read afresh and used once, where a
     * copy of every feature would be garbage straight away.
     */
    public static UnaryOperator<Geometry> inPlace(int fromEpsg, int toEpsg) {
        if (fromEpsg == toEpsg) {
            return geometry -> {
                geometry.setSRID(toEpsg);
                return geometry;
            };
        }
        TransformFilter filter = new TransformFilter(TRANSFORMS.createTransform(crs(fromEpsg), crs(toEpsg)));
        return geometry -> {
            geometry.apply(filter);
            geometry.setSRID(toEpsg);
            return geometry;
        };
    }

    /** A copy of the geometry transformed between two proj4j coordinate reference systems. */
    public static Geometry transform(Geometry geometry, CoordinateReferenceSystem from, CoordinateReferenceSystem to) {
        Geometry copy = geometry.copy();
        copy.apply(new TransformFilter(TRANSFORMS.createTransform(from, to)));
        return copy;
    }

    /** A coordinate reference system from proj4 parameters, e.g. a local transverse Mercator. */
    public static CoordinateReferenceSystem fromProj4(String name, String parameters) {
        return CRS_FACTORY.createFromParameters(name, parameters);
    }

    /** The proj4j definition of an EPSG code. */
    public static CoordinateReferenceSystem crs(int epsg) {
        return BY_EPSG.computeIfAbsent(epsg, code -> {
            try {
                return CRS_FACTORY.createFromName("EPSG:" + code);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("proj4j has no definition of EPSG:" + code, e);
            }
        });
    }

    private static final class TransformFilter implements CoordinateSequenceFilter {

        private final CoordinateTransform transform;
        private final ProjCoordinate source = new ProjCoordinate();
        private final ProjCoordinate target = new ProjCoordinate();

        TransformFilter(CoordinateTransform transform) {
            this.transform = transform;
        }

        @Override
        public void filter(CoordinateSequence sequence, int i) {
            source.x = sequence.getX(i);
            source.y = sequence.getY(i);
            transform.transform(source, target);
            sequence.setOrdinate(i, CoordinateSequence.X, target.x);
            sequence.setOrdinate(i, CoordinateSequence.Y, target.y);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}

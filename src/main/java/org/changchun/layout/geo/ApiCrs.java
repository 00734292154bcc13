package org.changchun.layout.geo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The coordinate reference systems the API reads and writes (OGC API - Features Part 2). Data
 * is stored in WGS84 lon/lat; these convert to and from it.
 *
 * <p>EPSG:4326 and EPSG:4490 are defined with latitude first, so coordinates in them are
 * written (y, x); CRS84 is the same datum with longitude first. CGCS2000 (EPSG:4490) and WGS84
 * differ by centimetres, far below the accuracy of any layer here, so they are converted without
 * a datum shift, as every common web GIS does.
 */
public enum ApiCrs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false),
    WGS84_LAT_LON("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true),
    CGCS2000("http://www.opengis.net/def/crs/EPSG/0/4490", 4326, true),
    WEB_MERCATOR("http://www.opengis.net/def/crs/EPSG/0/3857", 3857, false);

    private final String uri;
    private final int projEpsg;
    private final boolean latitudeFirst;

    ApiCrs(String uri, int projEpsg, boolean latitudeFirst) {
        this.uri = uri;
        this.projEpsg = projEpsg;
        this.latitudeFirst = latitudeFirst;
    }

    public String uri() {
        return uri;
    }

    /** Whether boxes and coordinates in this CRS are longitude/latitude degrees (as opposed to metres). */
    public boolean isGeographic() {
        return projEpsg == 4326;
    }

    public boolean isLatitudeFirst() {
        return latitudeFirst;
    }

    /** How messages name this CRS: {@code CRS84}, or its EPSG code. */
    public String label() {
        return this == CRS84 ? "CRS84" : "EPSG:" + uri.substring(uri.lastIndexOf('/') + 1);
    }

    /**
     * The coordinates this CRS defines, in its own axis order (the first axis as x): longitude
     * −180..180 and latitude −90..90 in the geographic ones, and Web Mercator's square, ±20,037,508.34 m
     * on both axes (the world to 85.06° of latitude). A coordinate outside names no place; the
     * projection would wrap it, or turn it into infinities, rather than refuse it.
     */
    public Envelope validArea() {
        if (!isGeographic()) {
            return new Envelope(-WebMercator.HALF_WORLD, WebMercator.HALF_WORLD, -WebMercator.HALF_WORLD,
                    WebMercator.HALF_WORLD);
        }
        return latitudeFirst ? new Envelope(-90, 90, -180, 180) : new Envelope(-180, 180, -90, 90);
    }

    /** {@link #validArea()} in words, Chinese, with the axes in this CRS's order. */
    public String validAreaZh() {
        if (!isGeographic()) {
            return label() + " 的 x、y 均应在 ±20037508.34 米内";
        }
        return label() + (latitudeFirst ? " 纬度在前：纬度 -90 到 90，经度 -180 到 180" : " 经度 -180 到 180，纬度 -90 到 90");
    }

    /** {@link #validArea()} in words, English, with the axes in this CRS's order. */
    public String validAreaEn() {
        if (!isGeographic()) {
            return label() + ": x and y within ±20037508.34 metres";
        }
        return label() + (latitudeFirst ? " (latitude first): latitude -90..90, longitude -180..180"
                : ": longitude -180..180, latitude -90..90");
    }

    public static List<String> uris() {
        return Arrays.stream(values()).map(ApiCrs::uri).toList();
    }

    /**
     * The CRS an OGC URI (or its {@code [EPSG:4490]} safe-CURIE or {@code EPSG:4490} short form)
     * names, if the API supports it.
     */
    public static Optional<ApiCrs> fromUri(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        String normalised = trimmed.replaceFirst("^https://", "http://");
        if (normalised.equalsIgnoreCase("OGC:CRS84")) {
            return Optional.of(CRS84);
        }
        for (ApiCrs crs : values()) {
            String code = crs.uri.substring(crs.uri.lastIndexOf('/') + 1);
            if (crs.uri.equals(normalised) || ("EPSG:" + code).equalsIgnoreCase(normalised)) {
                return Optional.of(crs);
            }
        }
        return Optional.empty();
    }

    /** The geometry, given in WGS84 lon/lat, in this CRS and its axis order. */
    public Geometry fromWgs84(Geometry lonLat) {
        Geometry projected = Reprojection.transform(lonLat, 4326, projEpsg);
        if (latitudeFirst) {
            projected.apply(SWAP_AXES);
        }
        return projected;
    }

    /** The geometry, given in this CRS and its axis order, in WGS84 lon/lat. */
    public Geometry toWgs84(Geometry geometry) {
        Geometry copy = geometry.copy();
        if (latitudeFirst) {
            copy.apply(SWAP_AXES);
        }
        return Reprojection.transform(copy, projEpsg, 4326);
    }

    /** A box given as four numbers in this CRS and its axis order, as a WGS84 lon/lat envelope. */
    public Envelope toWgs84(double minFirst, double minSecond, double maxFirst, double maxSecond) {
        Envelope box = latitudeFirst
                ? new Envelope(minSecond, maxSecond, minFirst, maxFirst)
                : new Envelope(minFirst, maxFirst, minSecond, maxSecond);
        if (projEpsg == 4326) {
            return box;
        }
        // Web Mercator maps meridians and parallels to straight axis-parallel lines, so the
        // corners bound the box exactly
        Geometry corners = Reprojection.transform(
                new org.locationtech.jts.geom.GeometryFactory().toGeometry(box), projEpsg, 4326);
        return corners.getEnvelopeInternal();
    }

    private static final CoordinateSequenceFilter SWAP_AXES = new CoordinateSequenceFilter() {
        @Override
        public void filter(CoordinateSequence sequence, int i) {
            double x = sequence.getX(i);
            sequence.setOrdinate(i, CoordinateSequence.X, sequence.getY(i));
            sequence.setOrdinate(i, CoordinateSequence.Y, x);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    };
}

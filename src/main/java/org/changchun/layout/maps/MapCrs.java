package org.changchun.layout.maps;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.geo.WebMercator;
import org.locationtech.jts.geom.Envelope;

/**
 * The coordinate reference systems maps are drawn in. A map is always east to the right and north
 * up; its plane is Web Mercator metres for EPSG:3857 and longitude/latitude degrees (plate carrée) for
 * the geographic ones. How a request writes its box (axis order, valid area) is the {@link ApiCrs}'s.
 */
public enum MapCrs {
    WEB_MERCATOR("EPSG:3857", ApiCrs.WEB_MERCATOR),
    WGS84("EPSG:4326", ApiCrs.WGS84_LAT_LON),
    CGCS2000("EPSG:4490", ApiCrs.CGCS2000),
    CRS84("CRS:84", ApiCrs.CRS84);

    private final String code;
    private final ApiCrs axes;

    MapCrs(String code, ApiCrs axes) {
        this.code = code;
        this.axes = axes;
    }

    /** How WMS names it ({@code EPSG:4490}, {@code CRS:84}). */
    public String code() {
        return code;
    }

    /** Axis order, valid area and conversions of boxes written in this CRS. */
    public ApiCrs axes() {
        return axes;
    }

    public boolean isGeographic() {
        return axes.isGeographic();
    }

    /** The codes WMS capabilities list, in order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(MapCrs::code).toList();
    }

    /** The CRS a WMS code, an OGC URI or its short form names, if maps are drawn in it. */
    public static Optional<MapCrs> of(String text) {
        String trimmed = text.trim();
        for (MapCrs crs : values()) {
            if (crs.code.equalsIgnoreCase(trimmed)) {
                return Optional.of(crs);
            }
        }
        return ApiCrs.fromUri(trimmed).map(MapCrs::of);
    }

    public static MapCrs of(ApiCrs crs) {
        return Arrays.stream(values()).filter(c -> c.axes == crs).findFirst().orElseThrow();
    }

    /** The plane x of a longitude. */
    public double x(double lon) {
        return isGeographic() ? lon : WebMercator.x(lon);
    }

    /** The plane y of a latitude. */
    public double y(double lat) {
        return isGeographic() ? lat : WebMercator.y(lat);
    }

    /** A box of the plane as a WGS84 lon/lat box. */
    public Envelope toLonLat(Envelope plane) {
        return isGeographic() ? new Envelope(plane) : WebMercator.toLonLat(plane);
    }

    /** A WGS84 lon/lat box as a box of the plane. */
    public Envelope fromLonLat(Envelope lonLat) {
        return new Envelope(x(lonLat.getMinX()), x(lonLat.getMaxX()), y(lonLat.getMinY()), y(lonLat.getMaxY()));
    }

    @Override
    public String toString() {
        return code.toUpperCase(Locale.ROOT);
    }
}

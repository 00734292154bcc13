package org.changchun.layout.maps;

import org.changchun.layout.geo.WebMercator;
import org.locationtech.jts.geom.Envelope;

/**
 * What a map shows: a box of its CRS's plane drawn on {@code width} × {@code height} pixels.
 *
 * @param plane      the box in plane units (metres, or degrees for the geographic CRSs), east and north up
 * @param pixelRatio device pixels per CSS pixel (1 on screen; print at 200 dpi draws at 200/96): line widths,
 *                   point sizes and text scale with it, and the zoom that label ranges compare with is that of
 *                   the CSS pixels, so a printed map shows the names the screen does
 */
public record MapView(MapCrs crs, Envelope plane, int width, int height, double pixelRatio) {

    /** The same map with its box grown on one axis to the shape of its pixels, so nothing asked for is cut off. */
    public MapView fitted() {
        double wanted = (double) height / width;
        Envelope box = new Envelope(plane);
        if (plane.getHeight() / plane.getWidth() < wanted) {
            box.expandBy(0, (plane.getWidth() * wanted - plane.getHeight()) / 2);
        } else {
            box.expandBy((plane.getHeight() / wanted - plane.getWidth()) / 2, 0);
        }
        return new MapView(crs, box, width, height, pixelRatio);
    }

    /** The box in WGS84 longitude and latitude, for the store's spatial index. */
    public Envelope lonLat() {
        return crs.toLonLat(plane);
    }

    public double pixelX(double lon) {
        return (crs.x(lon) - plane.getMinX()) / plane.getWidth() * width;
    }

    public double pixelY(double lat) {
        return (plane.getMaxY() - crs.y(lat)) / plane.getHeight() * height;
    }

    /** The longitude at a pixel column's centre. */
    public double lon(double pixelX) {
        double x = plane.getMinX() + pixelX / width * plane.getWidth();
        return crs.isGeographic() ? x : WebMercator.lon(x);
    }

    /** The latitude at a pixel row's centre. */
    public double lat(double pixelY) {
        double y = plane.getMaxY() - pixelY / height * plane.getHeight();
        return crs.isGeographic() ? y : WebMercator.lat(y);
    }

    /**
     * The WebMercatorQuad zoom level whose scale this map has across (fractional): what the style's
     * {@code minzoom} and {@code maxzoom} compare with, as on the map page.
     */
    public double zoom() {
        double mercatorWidth = crs.isGeographic()
                ? WebMercator.x(plane.getMaxX()) - WebMercator.x(plane.getMinX()) : plane.getWidth();
        double metresPerCssPixel = mercatorWidth / (width / pixelRatio);
        return Math.log(2 * WebMercator.HALF_WORLD / (256 * metresPerCssPixel)) / Math.log(2);
    }

    /** Metres on the ground per pixel across the middle of the map (for scale bars). */
    public double groundMetresPerPixel() {
        Envelope lonLat = lonLat();
        double midLat = Math.toRadians((lonLat.getMinY() + lonLat.getMaxY()) / 2);
        return Math.toRadians(lonLat.getWidth()) * WebMercator.RADIUS * Math.cos(midLat) / width;
    }
}

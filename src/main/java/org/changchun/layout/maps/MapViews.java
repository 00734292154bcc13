package org.changchun.layout.maps;

import java.util.Collection;
import java.util.Locale;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.query.InvalidQueryException;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;

/**
 * Turns what a map request asks for (a box in some CRS, a size) into a {@link MapView}, refusing what
 * names no map: boxes inverted, empty or outside their CRS, sizes beyond {@link MapsProperties#maxSize()}.
 */
@Component
public class MapViews {

    /** The width of a map whose request names no size. */
    static final int DEFAULT_WIDTH = 1024;

    private final MapsProperties properties;

    MapViews(MapsProperties properties) {
        this.properties = properties;
    }

    public int maxSize() {
        return properties.maxSize();
    }

    /**
     * @param box     minFirst, minSecond, maxFirst, maxSecond in {@code boxCrs}'s axis order; null for the
     *                extent of {@code layers}
     * @param width   null: from {@code height} and the box's shape (both null: {@link #DEFAULT_WIDTH})
     * @param height  null: from {@code width} and the box's shape
     */
    public MapView view(MapCrs crs, ApiCrs boxCrs, double[] box, Integer width, Integer height,
                        Collection<LayerInfo> layers, double pixelRatio) {
        Envelope plane = box == null ? extent(crs, layers) : plane(crs, boxCrs, box);
        if (!(plane.getWidth() > 0 && plane.getHeight() > 0)) {
            throw new InvalidQueryException("bbox 在 " + crs.code() + " 中没有面积（Web 墨卡托只到纬度 ±85.05°）",
                    "bbox has no area in " + crs.code() + " (Web Mercator ends at latitude ±85.05°)");
        }
        int w;
        int h;
        double aspect = plane.getHeight() / plane.getWidth();
        if (width == null && height == null) {
            w = DEFAULT_WIDTH;
            h = clampToSize(Math.round(DEFAULT_WIDTH * aspect));
        } else if (width == null) {
            h = height;
            w = clampToSize(Math.round(height / aspect));
        } else {
            w = width;
            h = height == null ? clampToSize(Math.round(width * aspect)) : height;
        }
        return new MapView(crs, plane, w, h, pixelRatio);
    }

    private int clampToSize(long pixels) {
        return (int) Math.max(1, Math.min(properties.maxSize(), pixels));
    }

    /** The box given in {@code boxCrs} as a box of {@code crs}'s plane, after checking it names an area. */
    static Envelope plane(MapCrs crs, ApiCrs boxCrs, double[] box) {
        String shown = String.format(Locale.ROOT, "%s,%s,%s,%s", plain(box[0]), plain(box[1]), plain(box[2]),
                plain(box[3]));
        if (!(box[0] < box[2]) || !(box[1] < box[3])) {
            throw new InvalidQueryException("bbox 的最小值应小于最大值（" + boxCrs.label() + " 轴序下的 最小1,最小2,最大1,最大2）：" + shown,
                    "bbox must give each minimum below its maximum (min1,min2,max1,max2 in the axis order of "
                            + boxCrs.label() + "), got " + shown);
        }
        Envelope valid = boxCrs.validArea();
        if (!valid.covers(new Envelope(box[0], box[2], box[1], box[3]))) {
            throw new InvalidQueryException("bbox 超出其坐标系的有效范围（" + boxCrs.validAreaZh() + "）：" + shown,
                    "bbox lies outside its CRS's valid area (" + boxCrs.validAreaEn() + "): " + shown);
        }
        if (MapCrs.of(boxCrs).isGeographic() == crs.isGeographic()) {
            return boxCrs.isLatitudeFirst() ? new Envelope(box[1], box[3], box[0], box[2])
                    : new Envelope(box[0], box[2], box[1], box[3]);
        }
        return crs.fromLonLat(boxCrs.toWgs84(box[0], box[1], box[2], box[3]));
    }

    /**
     * The layers' extent grown by a twentieth on each side, or the plan's city when they have none.
     * Context layers (the province's corridors and bases) are left out when others are drawn: they
     * reach hundreds of kilometres beyond the city, which would be a speck on a map of them all.
     */
    private static Envelope extent(MapCrs crs, Collection<LayerInfo> layers) {
        Envelope lonLat = new Envelope();
        boolean onlyContext = layers.stream().allMatch(layer -> layer.kind() == LayerKind.CONTEXT);
        for (LayerInfo layer : layers) {
            if (onlyContext || layer.kind() != LayerKind.CONTEXT) {
                lonLat.expandToInclude(layer.extent());
            }
        }
        if (lonLat.isNull() || lonLat.getArea() == 0) {
            lonLat = new Envelope(124.3, 127.1, 43.0, 45.3);
        }
        Envelope plane = crs.fromLonLat(lonLat);
        plane.expandBy(plane.getWidth() / 20, plane.getHeight() / 20);
        return plane;
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}

package org.changchun.layout.geo.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.changchun.layout.geo.Reprojection;
import org.changchun.layout.geo.crs.GaussKrugerCodes.Datum;
import org.changchun.layout.geo.crs.GaussKrugerCodes.Gk;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Tells whether a layer reprojected to WGS 84 lies in China (lon 73–136°E, lat 3–54°N, a box
 * that includes the South China Sea) and, when it does not, guesses why, in Chinese and English.
 *
 * <p>One check comes first and applies even when the result lies in China: under a zone-form
 * Gauss-Kruger .prj, eastings whose millions name another zone ({@link Kind#WRONG_ZONE}:
 * 42,5xx,xxx under zone 41 lands near 135°E, inside the box, yet is wrong). Then, only for an
 * extent outside China, the guesses in the order tried (the first that fits is returned):
 * <ol>
 * <li>{@link Kind#AXES_SWAPPED}: with X and Y swapped, the same code puts the data in China.</li>
 * <li>{@link Kind#PROJECTED_NUMBERS_UNDER_GEOGRAPHIC_PRJ}: a geographic .prj (degrees) over
 *     numbers far beyond ±180/±90; suggests Web Mercator, the Gauss-Kruger zone the eastings'
 *     prefix names, or the CM form for Changchun (126°E), whichever put the data in China.</li>
 * <li>{@link Kind#ZONE_PREFIX_UNDER_CM_PRJ}: eastings like 42,500,000 under a CM form
 *     (false easting 500,000): suggests the zone form (4551 → 4530).</li>
 * <li>{@link Kind#NO_ZONE_PREFIX_UNDER_ZONE_PRJ}: eastings like 500,000 under a zone form:
 *     suggests the CM form with the same meridian (4530 → 4551).</li>
 * <li>{@link Kind#OUTSIDE_CHINA}: none of these; the hint states the extent.</li>
 * </ol>
 * Every suggested code is checked: the source extent reprojected with it lies in China.
 */
public final class ChinaExtent {

    /** China's rough box, lon 73–136°E, lat 3–54°N. */
    public static final Envelope CHINA = new Envelope(73, 136, 3, 54);

    /** Why the data may be outside China. */
    public enum Kind {
        AXES_SWAPPED, PROJECTED_NUMBERS_UNDER_GEOGRAPHIC_PRJ, ZONE_PREFIX_UNDER_CM_PRJ, NO_ZONE_PREFIX_UNDER_ZONE_PRJ,
        WRONG_ZONE, OUTSIDE_CHINA
    }

    /** A guess at what is wrong, and the EPSG code to try instead when there is one. */
    public record Hint(Kind kind, String messageZh, String messageEn, OptionalInt suggestedEpsg) {
        public Hint {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(suggestedEpsg, "suggestedEpsg");
        }
    }

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private ChinaExtent() {
    }

    /**
     * @param wgs84Extent the layer's extent reprojected to WGS 84 lon/lat (null or NaN if that failed)
     * @param sourceExtent the layer's extent in its source coordinates
     * @param sourceEpsg the EPSG code the source coordinates were read with
     * @return empty when the reprojected extent lies in China (and no zone prefix contradicts the .prj), else a hint
     */
    public static Optional<Hint> check(Envelope wgs84Extent, Envelope sourceExtent, int sourceEpsg) {
        Optional<Gk> gk = GaussKrugerCodes.byEpsg(sourceEpsg);
        if (gk.isPresent() && gk.get().prefixed() && sourceExtent != null && !sourceExtent.isNull()) {
            // a zone prefix that contradicts the .prj is wrong even when the result happens to land in China
            Optional<Hint> wrongZone = wrongZone(gk.get(), sourceExtent, format(sourceExtent));
            if (wrongZone.isPresent()) {
                return wrongZone;
            }
        }
        if (inChina(wgs84Extent)) {
            return Optional.empty();
        }
        if (sourceExtent == null || sourceExtent.isNull()) {
            return Optional.of(outside(wgs84Extent, sourceEpsg));
        }
        String source = format(sourceExtent);
        Envelope swapped = new Envelope(sourceExtent.getMinY(), sourceExtent.getMaxY(), sourceExtent.getMinX(),
                sourceExtent.getMaxX());
        if (inChina(reproject(swapped, sourceEpsg))) {
            return Optional.of(new Hint(Kind.AXES_SWAPPED,
                    "数据范围（" + source + "）不在中国境内，但把 X、Y 对调后正好落在中国境内：坐标轴顺序可能颠倒了（先纬度后经度，"
                            + "或先北坐标后东坐标）；请交换 X、Y 后重新导出",
                    "the data (" + source + ") is outside China, but with X and Y swapped it falls inside: the axes are "
                            + "probably swapped (latitude before longitude, or northing before easting); swap X and Y and "
                            + "export again",
                    OptionalInt.empty()));
        }
        boolean geographic = isGeographic(sourceEpsg);
        boolean beyondDegrees = Math.abs(sourceExtent.getMinX()) > 180 || Math.abs(sourceExtent.getMaxX()) > 180
                || Math.abs(sourceExtent.getMinY()) > 90 || Math.abs(sourceExtent.getMaxY()) > 90;
        if (geographic && beyondDegrees) {
            return Optional.of(projectedUnderGeographic(sourceExtent, sourceEpsg, source));
        }
        if (gk.isPresent()) {
            Optional<Hint> hint = gaussKruger(gk.get(), sourceExtent, source);
            if (hint.isPresent()) {
                return hint;
            }
        }
        return Optional.of(outside(wgs84Extent, sourceEpsg));
    }

    private static Hint projectedUnderGeographic(Envelope extent, int epsg, String source) {
        Datum datum = GaussKrugerCodes.datumOfGeographic(epsg).orElse(Datum.CGCS2000);
        List<Integer> candidates = new ArrayList<>();
        List<String> labelsZh = new ArrayList<>();
        List<String> labelsEn = new ArrayList<>();
        if (inChina(reproject(extent, 3857))) {
            candidates.add(3857);
            labelsZh.add("3857（Web Mercator）");
            labelsEn.add("3857 (Web Mercator)");
        }
        int zone = prefixZone(extent);
        if (zone > 0) {
            GaussKrugerCodes.zoneForm(datum, zone).filter(g -> inChina(reproject(extent, g.epsg()))).ifPresent(g -> {
                candidates.add(g.epsg());
                labelsZh.add(g.epsg() + "（" + g.name() + "）");
                labelsEn.add(g.epsg() + " (" + g.name() + ")");
            });
        }
        if (extent.getMinX() >= 0 && extent.getMaxX() < 1_000_000 && extent.getMinY() >= 0) {
            GaussKrugerCodes.cmForm(datum, 3, 126).filter(g -> inChina(reproject(extent, g.epsg()))).ifPresent(g -> {
                candidates.add(g.epsg());
                labelsZh.add(g.epsg() + "（" + g.name() + "，适用于长春一带；其他地区用当地中央经线）");
                labelsEn.add(g.epsg() + " (" + g.name() + ", for the Changchun area; elsewhere the local central meridian)");
            });
        }
        String zh = "坐标值（" + source + "）是以米为单位的投影坐标，但 .prj 是以度为单位的地理坐标系 EPSG:" + epsg;
        String en = "the coordinates (" + source + ") are projected metres, but the .prj is the geographic EPSG:" + epsg
                + " (degrees)";
        if (candidates.isEmpty()) {
            return new Hint(Kind.PROJECTED_NUMBERS_UNDER_GEOGRAPHIC_PRJ, zh + "；请提供与坐标一致的 .prj 或指定 srid",
                    en + ": supply the .prj that matches the coordinates, or give the srid", OptionalInt.empty());
        }
        return new Hint(Kind.PROJECTED_NUMBERS_UNDER_GEOGRAPHIC_PRJ, zh + "；可尝试指定 srid " + String.join("，或 ", labelsZh),
                en + ": try srid " + String.join(", or ", labelsEn), OptionalInt.of(candidates.get(0)));
    }

    private static Optional<Hint> gaussKruger(Gk gk, Envelope extent, String source) {
        int zone = prefixZone(extent);
        if (zone > 0 && !gk.prefixed()) {
            return GaussKrugerCodes.zoneForm(gk.datum(), zone).filter(g -> inChina(reproject(extent, g.epsg())))
                    .map(g -> new Hint(Kind.ZONE_PREFIX_UNDER_CM_PRJ,
                            "东坐标（" + source + "）带有带号前缀 " + zone + "，但 .prj 是不带带号的中央经线形式（EPSG:" + gk.epsg()
                                    + "，" + gk.name() + "）：请改用 srid " + g.epsg() + "（" + g.name() + "）代替 " + gk.epsg(),
                            "the eastings (" + source + ") carry the zone prefix " + zone + " but the .prj is the CM form "
                                    + "without it (EPSG:" + gk.epsg() + ", " + gk.name() + "): try srid " + g.epsg() + " ("
                                    + g.name() + ") instead of " + gk.epsg(),
                            OptionalInt.of(g.epsg())));
        }
        if (gk.prefixed() && extent.getMinX() >= 0 && extent.getMaxX() < 1_000_000) {
            return GaussKrugerCodes.otherForm(gk).filter(g -> inChina(reproject(extent, g.epsg())))
                    .map(g -> new Hint(Kind.NO_ZONE_PREFIX_UNDER_ZONE_PRJ,
                            "东坐标（" + source + "）没有带号前缀，但 .prj 是带带号的第 " + gk.zone() + " 带（假东 "
                                    + String.format(Locale.ROOT, "%,.0f", gk.falseEasting()) + "）：请改用 srid " + g.epsg()
                                    + "（" + g.name() + "）代替 " + gk.epsg(),
                            "false easting without the zone prefix: the eastings (" + source + ") lack the zone number but "
                                    + "the .prj is zone " + gk.zone() + " (false easting "
                                    + String.format(Locale.ROOT, "%,.0f", gk.falseEasting()) + ") — try srid " + g.epsg()
                                    + " (" + g.name() + ") instead of " + gk.epsg(),
                            OptionalInt.of(g.epsg())));
        }
        return Optional.empty();
    }

    private static Optional<Hint> wrongZone(Gk gk, Envelope extent, String source) {
        int zone = prefixZone(extent);
        if (zone > 0 && zone != gk.zone()) {
            return GaussKrugerCodes.zoneForm(gk.datum(), zone).filter(g -> inChina(reproject(extent, g.epsg())))
                    .map(g -> new Hint(Kind.WRONG_ZONE,
                            "东坐标（" + source + "）的带号前缀是 " + zone + "，但 .prj 写的是第 " + gk.zone() + " 带（EPSG:"
                                    + gk.epsg() + "）：请改用 srid " + g.epsg() + "（" + g.name() + "）",
                            "the eastings' zone prefix (" + source + ") is " + zone + " but the .prj says zone " + gk.zone()
                                    + " (EPSG:" + gk.epsg() + "): try srid " + g.epsg() + " (" + g.name() + ") instead",
                            OptionalInt.of(g.epsg())));
        }
        return Optional.empty();
    }

    private static Hint outside(Envelope wgs84, int epsg) {
        if (wgs84 == null || wgs84.isNull() || !finite(wgs84)) {
            return new Hint(Kind.OUTSIDE_CHINA,
                    "无法把数据从 EPSG:" + epsg + " 转换到经纬度；请检查 .prj 是否与坐标一致",
                    "the data could not be reprojected from EPSG:" + epsg + " to lon/lat: check that the .prj matches the "
                            + "coordinates",
                    OptionalInt.empty());
        }
        String where = String.format(Locale.ROOT, "%.4f…%.4f, %.4f…%.4f", wgs84.getMinX(), wgs84.getMaxX(),
                wgs84.getMinY(), wgs84.getMaxY());
        return new Hint(Kind.OUTSIDE_CHINA,
                "按 EPSG:" + epsg + " 换算后，数据范围（经度、纬度 " + where + "）不在中国境内（经度 73–136°，纬度 3–54°）；"
                        + "请检查 .prj 是否与坐标一致",
                "read as EPSG:" + epsg + ", the data (lon, lat " + where + ") lies outside China (lon 73–136°, lat 3–54°): "
                        + "check that the .prj matches the coordinates",
                OptionalInt.empty());
    }

    /** The zone number the eastings' millions name, when min and max agree and it is a GK zone number. */
    private static int prefixZone(Envelope extent) {
        if (extent.getMinX() < 10_000_000) {
            return 0;
        }
        int low = (int) Math.floor(extent.getMinX() / 1_000_000);
        int high = (int) Math.floor(extent.getMaxX() / 1_000_000);
        boolean known = (low >= 13 && low <= 23) || (low >= 25 && low <= 45);
        return low == high && known ? low : 0;
    }

    private static boolean isGeographic(int epsg) {
        try {
            return Boolean.TRUE.equals(Reprojection.crs(epsg).isGeographic());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean inChina(Envelope extent) {
        return extent != null && !extent.isNull() && finite(extent) && CHINA.contains(extent);
    }

    private static boolean finite(Envelope e) {
        return Double.isFinite(e.getMinX()) && Double.isFinite(e.getMaxX()) && Double.isFinite(e.getMinY())
                && Double.isFinite(e.getMaxY());
    }

    /** The envelope's outline (corners and edge midpoints) reprojected to WGS 84, or null if that fails. */
    static Envelope reproject(Envelope extent, int epsg) {
        double midX = (extent.getMinX() + extent.getMaxX()) / 2;
        double midY = (extent.getMinY() + extent.getMaxY()) / 2;
        Coordinate[] ring = {
            new Coordinate(extent.getMinX(), extent.getMinY()), new Coordinate(midX, extent.getMinY()),
            new Coordinate(extent.getMaxX(), extent.getMinY()), new Coordinate(extent.getMaxX(), midY),
            new Coordinate(extent.getMaxX(), extent.getMaxY()), new Coordinate(midX, extent.getMaxY()),
            new Coordinate(extent.getMinX(), extent.getMaxY()), new Coordinate(extent.getMinX(), midY)
        };
        try {
            Geometry points = GEOMETRIES.createMultiPointFromCoords(ring);
            Geometry transformed = Reprojection.transform(points, epsg, 4326);
            for (Coordinate c : transformed.getCoordinates()) {
                if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                    return null;
                }
            }
            return transformed.getEnvelopeInternal();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String format(Envelope e) {
        return "x " + number(e.getMinX()) + "…" + number(e.getMaxX()) + ", y " + number(e.getMinY()) + "…"
                + number(e.getMaxY());
    }

    private static String number(double value) {
        return Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.4f", value);
    }
}

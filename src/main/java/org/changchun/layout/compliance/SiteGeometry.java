package org.changchun.layout.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;

/**
 * Turns what a user sends as a site into one that can be reviewed, or refuses it saying what to fix.
 *
 * <p>A site is a GeoJSON Point, Polygon or MultiPolygon in WGS84 lon/lat, alone or in a Feature (or a
 * FeatureCollection of one Feature). Refused: anything else, an empty geometry, coordinates outside
 * lon/lat, and a ring whose edges cross each other (a bow-tie: which of its parts was meant cannot be
 * told, so it must be redrawn). Repaired, and said so: every other invalid polygon (a ring touching
 * itself, holes outside or touching the shell, overlapping parts, repeated rings), with JTS's
 * {@link GeometryFixer}, which keeps all the area the rings enclose.
 */
final class SiteGeometry {

    private static final Set<String> TYPES = Set.of("Point", "Polygon", "MultiPolygon");
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private SiteGeometry() {
    }

    /** @throws InvalidSiteException for the refusals listed on the class */
    static Site fromGeoJson(JsonNode body) {
        JsonNode geometry = unwrap(body);
        String type = geometry.path("type").asString("");
        if (!TYPES.contains(type)) {
            throw new InvalidSiteException("场地须为 GeoJSON 点（Point）或面（Polygon、MultiPolygon），收到的是“" + type + "”",
                    "a site is a GeoJSON Point, Polygon or MultiPolygon; got \"" + type + "\"");
        }
        Geometry parsed;
        try {
            parsed = new GeoJsonReader(WGS84).read(geometry.toString());
        } catch (ParseException | RuntimeException e) {
            throw new InvalidSiteException("场地几何无法读取（" + e.getMessage() + "）；面的每个环须首尾相同、至少 4 个点",
                    "the site's geometry cannot be read (" + e.getMessage() + "); every ring of a polygon must end "
                            + "where it starts and have at least 4 positions");
        }
        return check(parsed);
    }

    /**
     * Checks and repairs a site geometry already read (e.g. from a shapefile).
     *
     * @throws InvalidSiteException for the refusals listed on the class
     */
    static Site check(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            throw new InvalidSiteException("场地几何为空：请画出场地或给出坐标", "the site's geometry is empty: draw the site or give "
                    + "its coordinates");
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
                throw new InvalidSiteException("坐标 (" + c.x + ", " + c.y + ") 超出经纬度范围：场地须为 WGS84 经度、纬度",
                        "coordinate (" + c.x + ", " + c.y + ") is not a longitude, latitude: the site must be in WGS84 "
                                + "lon/lat");
            }
        }
        if (!(geometry instanceof Point || geometry instanceof Polygonal)) {
            throw new InvalidSiteException("场地须为点或面，收到的是" + geometry.getGeometryType(),
                    "a site is a point or a polygon, not a " + geometry.getGeometryType());
        }
        refuseCrossingRings(geometry);
        List<Review.Note> repairs = new ArrayList<>();
        Geometry valid = geometry;
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            valid = GeometryFixer.fix(geometry);
            repairs.add(new Review.Note("repaired",
                    "场地多边形无效（" + error.getMessage() + "，位于 " + where(error.getCoordinate())
                            + "），已自动修复；请核对修复后的形状",
                    "the site polygon was invalid (" + error.getMessage() + " at " + where(error.getCoordinate())
                            + ") and has been repaired: check the repaired shape"));
        }
        if (valid.isEmpty() || !(valid instanceof Point || valid instanceof Polygonal) || valid.getArea() <= 0
                && valid instanceof Polygonal) {
            throw new InvalidSiteException("场地没有面积（各环退化为线或点）：请重新绘制",
                    "the site has no area (its rings collapse to lines or points): draw it again");
        }
        valid.setSRID(4326);
        return Site.drawn(valid, repairs);
    }

    private static JsonNode unwrap(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidSiteException("请求体须为 GeoJSON 点或面（或含其一的 Feature）",
                    "the body must be a GeoJSON Point, Polygon or MultiPolygon, or a Feature holding one");
        }
        String type = body.path("type").asString("");
        if (type.equals("FeatureCollection")) {
            JsonNode features = body.path("features");
            if (!features.isArray() || features.size() != 1) {
                throw new InvalidSiteException("一次审查一个场地：FeatureCollection 须只含一个要素；多个场地请导入为图层，用 "
                        + "/api/compliance/projects?source=图层 批量审查",
                        "one site at a time: the FeatureCollection must hold exactly one feature; to review many, import "
                                + "them as a layer and use /api/compliance/projects?source=<layer>");
            }
            return unwrap(features.get(0));
        }
        if (type.equals("Feature")) {
            JsonNode geometry = body.get("geometry");
            if (geometry == null || !geometry.isObject()) {
                throw new InvalidSiteException("要素没有几何：场地为空", "the feature has no geometry: the site is empty");
            }
            return geometry;
        }
        return body;
    }

    /** A ring whose edges cross is ambiguous: refused, where a ring that only touches itself is repaired. */
    private static void refuseCrossingRings(Geometry geometry) {
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (!(geometry.getGeometryN(i) instanceof Polygon polygon)) {
                continue;
            }
            for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
                LinearRing ring = r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r);
                TopologyValidationError error = new IsValidOp(WGS84.createPolygon(ring.getCoordinateSequence()))
                        .getValidationError();
                if (error != null && error.getErrorType() == TopologyValidationError.SELF_INTERSECTION) {
                    throw new InvalidSiteException("场地边界自相交（在 " + where(error.getCoordinate())
                            + " 处交叉）：无法判断所指范围，请重新绘制，使边界不交叉",
                            "the site's boundary crosses itself (at " + where(error.getCoordinate()) + "): which part is "
                                    + "meant cannot be told; draw it again without crossing edges");
                }
            }
        }
    }

    private static String where(Coordinate c) {
        return c == null ? "?" : String.format(java.util.Locale.ROOT, "%.6f, %.6f", c.x, c.y);
    }
}

package org.changchun.layout.ogc.cql2;

import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.misc.Interval;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.ogc.cql2.Cql2Parser.BboxTaggedTextContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.GeometryCollectionTaggedTextContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.LineStringTextContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.LinearRingTextContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.LinestringTaggedTextContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.MultilinestringTaggedTextContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.MultipointTaggedTextContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.MultipolygonTaggedTextContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.NumericLiteralContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.PointContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.PointTaggedTextContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.PointTextContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.PolygonTaggedTextContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.PolygonTextContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.SpatialInstanceContext;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Builds the JTS geometry of a CQL2 geometry literal (a {@code spatialInstance}), with SRID 4326
 * and coordinates as written, x first. A z coordinate is dropped: filters compare in 2D. The
 * grammar already guarantees the point counts, so the only refusals here are coordinates outside
 * the filter CRS's valid area (a box reaching to 1e308 would otherwise match everything, or turn
 * into infinities when reprojected), rings that are not closed and boxes whose minimum exceeds
 * their maximum.
 */
final class GeometryBuilder extends Cql2BaseVisitor<Geometry> {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    // west > east would be a box across the antimeridian, which no store here can query
    static final String BOX_ORDER_ZH = "BBOX 的最小值大于最大值（不支持跨越 180° 经线的范围）";
    static final String BOX_ORDER_EN = "BBOX minimum exceeds its maximum (boxes across the antimeridian are not supported)";
    /** Longer literals are abbreviated in messages. */
    private static final int SHOWN_CHARACTERS = 60;

    private final ApiCrs crs;
    private final Envelope validArea;

    /** @param crs the CRS the literals are written in, whose valid area their coordinates must lie in */
    GeometryBuilder(ApiCrs crs) {
        this.crs = crs;
        this.validArea = crs.validArea();
    }

    // spatialInstance and geometryLiteral have one child each, which the default visit returns.

    @Override
    public Geometry visitPointTaggedText(PointTaggedTextContext ctx) {
        return FACTORY.createPoint(coordinate(ctx.pointText().point()));
    }

    @Override
    public Geometry visitLinestringTaggedText(LinestringTaggedTextContext ctx) {
        return lineString(ctx.lineStringText());
    }

    @Override
    public Geometry visitPolygonTaggedText(PolygonTaggedTextContext ctx) {
        return polygon(ctx.polygonText());
    }

    @Override
    public Geometry visitMultipointTaggedText(MultipointTaggedTextContext ctx) {
        List<PointContext> points = ctx.multiPointText().pointText().isEmpty()
                ? ctx.multiPointText().point()
                : ctx.multiPointText().pointText().stream().map(PointTextContext::point).toList();
        return FACTORY.createMultiPointFromCoords(coordinates(points));
    }

    @Override
    public Geometry visitMultilinestringTaggedText(MultilinestringTaggedTextContext ctx) {
        return FACTORY.createMultiLineString(ctx.multiLineStringText().lineStringText().stream()
                .map(this::lineString).toArray(LineString[]::new));
    }

    @Override
    public Geometry visitMultipolygonTaggedText(MultipolygonTaggedTextContext ctx) {
        return FACTORY.createMultiPolygon(ctx.multiPolygonText().polygonText().stream()
                .map(this::polygon).toArray(Polygon[]::new));
    }

    @Override
    public Geometry visitGeometryCollectionTaggedText(GeometryCollectionTaggedTextContext ctx) {
        return FACTORY.createGeometryCollection(ctx.geometryCollectionText().geometryLiteral().stream()
                .map(this::visit).toArray(Geometry[]::new));
    }

    /** BBOX(west, south, [minElev,] east, north [, maxElev]) as the polygon of its 2D box. */
    @Override
    public Geometry visitBboxTaggedText(BboxTaggedTextContext ctx) {
        List<NumericLiteralContext> numbers = ctx.bboxText().numericLiteral();
        int half = numbers.size() / 2;
        Coordinate southWest = inValidArea(ctx, numbers.get(0), numbers.get(1));
        Coordinate northEast = inValidArea(ctx, numbers.get(half), numbers.get(half + 1));
        if (southWest.x > northEast.x || southWest.y > northEast.y) {
            throw Cql2Errors.at(ctx.getStart(), BOX_ORDER_ZH, BOX_ORDER_EN);
        }
        return box(southWest, northEast);
    }

    /** The polygon of a box, the same for CQL2 text and JSON, so both read a BBOX alike. */
    static Polygon box(Coordinate southWest, Coordinate northEast) {
        double west = southWest.x;
        double south = southWest.y;
        double east = northEast.x;
        double north = northEast.y;
        return FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
            new Coordinate(west, north), new Coordinate(west, south)});
    }

    private LineString lineString(LineStringTextContext ctx) {
        return FACTORY.createLineString(coordinates(ctx.point()));
    }

    private Polygon polygon(PolygonTextContext ctx) {
        List<LinearRingTextContext> rings = ctx.linearRingText();
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = rings.stream().skip(1).map(this::ring).toArray(LinearRing[]::new);
        return FACTORY.createPolygon(shell, holes);
    }

    private LinearRing ring(LinearRingTextContext ctx) {
        Coordinate[] coordinates = coordinates(ctx.point());
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw Cql2Errors.at(ctx.getStart(), "多边形的环没有闭合：首尾两点必须相同",
                    "polygon ring is not closed: its first and last points must be the same");
        }
        return FACTORY.createLinearRing(coordinates);
    }

    private Coordinate[] coordinates(List<PointContext> points) {
        return points.stream().map(this::coordinate).toArray(Coordinate[]::new);
    }

    private Coordinate coordinate(PointContext point) {
        return inValidArea(point, point.numericLiteral(0), point.numericLiteral(1));
    }

    /** The coordinate these two numbers of a literal give, refused when it lies outside the CRS's valid area. */
    private Coordinate inValidArea(ParserRuleContext literalPart, NumericLiteralContext x, NumericLiteralContext y) {
        Coordinate coordinate = new Coordinate(ordinate(x), ordinate(y));
        if (!validArea.contains(coordinate)) {
            String written = x.getText() + " " + y.getText();
            String literal = literalText(literalPart);
            throw Cql2Errors.at(x.getStart(),
                    "几何字面量 " + literal + " 中的坐标 (" + written + ") 超出 filter-crs 的有效范围（" + crs.validAreaZh() + "）",
                    "the coordinate (" + written + ") of the geometry literal " + literal
                            + " is outside the valid area of the filter's CRS (filter-crs), " + crs.validAreaEn());
        }
        return coordinate;
    }

    /** The whole literal a part belongs to, as the caller wrote it (abbreviated), for messages. */
    private static String literalText(ParserRuleContext part) {
        ParserRuleContext literal = part;
        while (!(literal instanceof SpatialInstanceContext) && literal.getParent() != null) {
            literal = literal.getParent();
        }
        String text = literal.getStart().getInputStream()
                .getText(Interval.of(literal.getStart().getStartIndex(), literal.getStop().getStopIndex()));
        return text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "…" : text;
    }

    private static double ordinate(NumericLiteralContext number) {
        return Literals.number(number).doubleValue();
    }
}

package org.changchun.layout.maps;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.query.InvalidQueryException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.LineLimiter;
import org.locationtech.jts.operation.overlayng.RingClipper;
import org.springframework.stereotype.Service;

/**
 * Draws plan layers with Java2D, in the plan style: for each layer, bottom first, the features in the
 * map's box (read through the store's spatial index, never the whole layer), then every label on top,
 * each where no label drawn before it lies. Vertices closer than a third of a pixel to the last one
 * drawn are skipped, and geometries reaching far beyond the map are cut to it first, as vector tiles
 * are clipped to their buffer.
 */
@Service
public class MapRenderer {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();
    private static final double MIN_STEP_PIXELS = 1 / 3d;

    private final LayerFeatureIndex index;
    private final PlanStyle style;
    private final MapsProperties properties;

    MapRenderer(LayerFeatureIndex index, PlanStyle style, MapsProperties properties) {
        this.index = index;
        this.style = style;
        this.properties = properties;
    }

    /** What to draw. @param background null for a transparent map */
    public record Request(List<LayerInfo> layers, MapView view, Color background) {
    }

    public BufferedImage render(Request request) {
        MapView view = request.view();
        BufferedImage image = new BufferedImage(view.width(), view.height(),
                request.background() == null ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, request);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Draws the map onto any Java2D surface whose device space is the map's pixels (an image, a PDF page). */
    public void draw(Graphics2D g, Request request) {
        MapView view = request.view();
        if (request.background() != null) {
            g.setColor(request.background());
            g.fillRect(0, 0, view.width(), view.height());
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double zoom = view.zoom();
        Envelope lonLat = view.lonLat();
        // a margin of a few pixels, so outlines and circles just outside the box are drawn to its edge
        Envelope wanted = new Envelope(lonLat);
        wanted.expandBy(lonLat.getWidth() / view.width() * 8, lonLat.getHeight() / view.height() * 8);
        Geometry box = GEOMETRIES.toGeometry(wanted);
        List<Labelled> labels = new ArrayList<>();
        for (LayerInfo layer : request.layers()) {
            LayerLook look = style.look(layer);
            boolean labelled = look.label() != null && zoom >= look.label().minZoom();
            if (!look.shownAt(zoom) && !labelled) {
                continue;
            }
            List<Feature> features = index.intersecting(layer, box, properties.maxFeatures() + 1);
            if (features.size() > properties.maxFeatures()) {
                throw new InvalidQueryException("图层“" + layer.id() + "”在此范围内的要素超过 " + properties.maxFeatures()
                        + " 个：请缩小范围，或用矢量瓦片", "layer '" + layer.id() + "' has more than "
                        + properties.maxFeatures() + " features in this box: ask for a smaller box, or use its vector tiles");
            }
            Envelope clip = new Envelope(wanted);
            clip.expandBy(wanted.getWidth(), wanted.getHeight());
            for (Feature feature : features) {
                Geometry geometry = feature.geometry();
                if (!clip.covers(geometry.getEnvelopeInternal())) {
                    geometry = clipped(geometry, clip);
                }
                if (look.shownAt(zoom)) {
                    drawFeature(g, view, look, feature, geometry);
                }
                if (labelled) {
                    labels.add(new Labelled(look.label(), feature, geometry));
                }
            }
        }
        drawLabels(g, view, labels);
    }

    private record Labelled(LayerLook.Label label, Feature feature, Geometry geometry) {
    }

    /**
     * A legend's sample of a layer, drawn as its features are: a filled and outlined box for polygons, a
     * stroke for lines, a circle for points, in the box (pixels) given.
     */
    public static void drawSample(Graphics2D g, LayerLook look, Feature feature, String geometryType,
                                  Rectangle2D box) {
        MapView pixels = new MapView(MapCrs.CRS84, new Envelope(0, box.getWidth(), 0, box.getHeight()),
                (int) box.getWidth(), (int) box.getHeight(), 1);
        double w = box.getWidth();
        double h = box.getHeight();
        Geometry sample;
        if (geometryType.contains("Polygon")) {
            sample = GEOMETRIES.toGeometry(new Envelope(1, w - 1, 2, h - 2));
        } else if (geometryType.contains("LineString")) {
            sample = GEOMETRIES.createLineString(new Coordinate[] {new Coordinate(1, h / 2), new Coordinate(w - 1, h / 2)});
        } else {
            sample = GEOMETRIES.createPoint(new Coordinate(w / 2, h / 2));
        }
        AffineTransform before = g.getTransform();
        g.translate(box.getX(), box.getY());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        drawFeature(g, pixels, look, feature, sample);
        g.setTransform(before);
    }

    private static void drawFeature(Graphics2D g, MapView view, LayerLook look, Feature feature, Geometry geometry) {
        double ratio = view.pixelRatio();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                addRing(path, view, polygon.getExteriorRing().getCoordinateSequence(), true);
                for (int r = 0; r < polygon.getNumInteriorRing(); r++) {
                    addRing(path, view, polygon.getInteriorRingN(r).getCoordinateSequence(), true);
                }
                if (look.fill() != null) {
                    g.setColor(look.fill().apply(feature));
                    g.fill(path);
                }
                stroke(g, look.line(), path, ratio);
            } else if (part instanceof LineString line) {
                Path2D path = new Path2D.Double();
                addRing(path, view, line.getCoordinateSequence(), false);
                stroke(g, look.line(), path, ratio);
            } else if (part instanceof Point point && !point.isEmpty()) {
                drawPoint(g, view, look, feature, point);
            }
        }
    }

    private static void drawPoint(Graphics2D g, MapView view, LayerLook look, Feature feature, Point point) {
        double ratio = view.pixelRatio();
        LayerLook.Circle circle = look.circle() != null ? look.circle()
                : new LayerLook.Circle(f -> look.line() == null ? Color.DARK_GRAY : look.line().colour(), 4, null, 0);
        double r = circle.radius() * ratio;
        Shape dot = new Ellipse2D.Double(view.pixelX(point.getX()) - r, view.pixelY(point.getY()) - r, 2 * r, 2 * r);
        g.setColor(circle.colour().apply(feature));
        g.fill(dot);
        if (circle.stroke() != null && circle.strokeWidth() > 0) {
            g.setColor(circle.stroke());
            g.setStroke(new BasicStroke((float) (circle.strokeWidth() * ratio)));
            g.draw(dot);
        }
    }

    private static void stroke(Graphics2D g, LayerLook.Line line, Shape path, double ratio) {
        if (line == null || line.width() <= 0) {
            return;
        }
        float[] dash = null;
        if (line.dash() != null) {
            dash = line.dash().clone();
            for (int i = 0; i < dash.length; i++) {
                dash[i] *= (float) ratio;
            }
        }
        g.setColor(line.colour());
        // butt caps and mitre joins: MapLibre's defaults, as the style sets no line-cap or line-join
        g.setStroke(new BasicStroke((float) (line.width() * ratio), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                2f, dash, 0f));
        g.draw(path);
    }

    private static void addRing(Path2D path, MapView view, CoordinateSequence points, boolean close) {
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        int n = points.size();
        for (int i = 0; i < n; i++) {
            double x = view.pixelX(points.getX(i));
            double y = view.pixelY(points.getY(i));
            if (i == 0) {
                path.moveTo(x, y);
            } else if (i == n - 1 || Math.abs(x - lastX) + Math.abs(y - lastY) >= MIN_STEP_PIXELS) {
                path.lineTo(x, y);
            } else {
                continue;
            }
            lastX = x;
            lastY = y;
        }
        if (close) {
            path.closePath();
        }
    }

    private static void drawLabels(Graphics2D g, MapView view, List<Labelled> labels) {
        List<Rectangle2D> taken = new ArrayList<>();
        FontRenderContext context = g.getFontRenderContext();
        Rectangle2D frame = new Rectangle2D.Double(0, 0, view.width(), view.height());
        for (Labelled labelled : labels) {
            String text = labelled.feature().text(labelled.label().field());
            if (text == null || text.isBlank() || labelled.geometry().isEmpty()) {
                continue;
            }
            Coordinate anchor = anchor(labelled.geometry(), view);
            if (anchor == null) {
                continue;
            }
            LayerLook.Label label = labelled.label();
            Font font = MapFonts.forText(text, (float) (label.size() * view.pixelRatio()));
            TextLayout layout = new TextLayout(text, font, context);
            Rectangle2D bounds = layout.getBounds();
            double halo = label.haloWidth() * view.pixelRatio();
            double x = view.pixelX(anchor.x) - bounds.getWidth() / 2 - bounds.getX();
            double y = view.pixelY(anchor.y) + bounds.getHeight() / 2 - (bounds.getHeight() + bounds.getY());
            if (labelled.geometry().getDimension() == 0) {
                y -= bounds.getHeight() + 6 * view.pixelRatio();
            }
            Rectangle2D box = new Rectangle2D.Double(x + bounds.getX() - halo, y + bounds.getY() - halo,
                    bounds.getWidth() + 2 * halo, bounds.getHeight() + 2 * halo);
            if (!frame.contains(box) || taken.stream().anyMatch(box::intersects)) {
                continue;
            }
            taken.add(box);
            Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
            if (halo > 0) {
                g.setColor(label.halo());
                g.setStroke(new BasicStroke((float) (2 * halo), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(outline);
            }
            g.setColor(label.colour());
            g.fill(outline);
        }
    }

    /**
     * A geometry cut down to what matters inside a box, for drawing: each polygon ring clipped to it and
     * each line kept to its stretches that cross it (JTS's clippers for overlays, linear in the vertices).
     * Not a valid overlay — a ring may run along the box's edge and back — but it fills, outlines and
     * labels as the whole does within the box, at a small part of the cost of an exact intersection.
     */
    static Geometry clipped(Geometry geometry, Envelope box) {
        RingClipper rings = new RingClipper(box);
        LineLimiter lines = new LineLimiter(box);
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (!box.intersects(part.getEnvelopeInternal())) {
                continue;
            }
            if (box.covers(part.getEnvelopeInternal())) {
                parts.add(part);
            } else if (part instanceof Polygon polygon) {
                Polygon cut = clippedPolygon(polygon, rings);
                if (cut != null) {
                    parts.add(cut);
                }
            } else if (part instanceof LineString line) {
                for (Coordinate[] stretch : lines.limit(line.getCoordinates())) {
                    if (stretch.length >= 2) {
                        parts.add(GEOMETRIES.createLineString(stretch));
                    }
                }
            } else {
                parts.add(part);
            }
        }
        return GEOMETRIES.buildGeometry(parts);
    }

    private static Polygon clippedPolygon(Polygon polygon, RingClipper rings) {
        LinearRing shell = clippedRing(polygon.getExteriorRing(), rings);
        if (shell == null) {
            return null;
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int r = 0; r < polygon.getNumInteriorRing(); r++) {
            LinearRing hole = clippedRing(polygon.getInteriorRingN(r), rings);
            if (hole != null) {
                holes.add(hole);
            }
        }
        return GEOMETRIES.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    /** A ring clipped to the box; null when nothing of it with an area is left. */
    private static LinearRing clippedRing(LinearRing ring, RingClipper rings) {
        Coordinate[] points = rings.clip(ring.getCoordinates());
        if (points.length < 4) {
            return null;
        }
        if (!points[0].equals2D(points[points.length - 1])) {
            points = Arrays.copyOf(points, points.length + 1);
            points[points.length - 1] = points[0].copy();
        }
        return GEOMETRIES.createLinearRing(points);
    }

    /** Where a feature's name goes: a point's position, or an interior point of the part of it the map shows. */
    private static Coordinate anchor(Geometry geometry, MapView view) {
        if (geometry.getDimension() == 0) {
            return geometry.getCoordinate();
        }
        Envelope lonLat = view.lonLat();
        Geometry shown = lonLat.covers(geometry.getEnvelopeInternal()) ? geometry : clipped(geometry, lonLat);
        if (shown.isEmpty()) {
            return null;
        }
        Geometry largest = shown;
        for (int i = 0; i < shown.getNumGeometries(); i++) {
            if (shown.getGeometryN(i).getArea() > largest.getArea() || largest == shown) {
                largest = shown.getGeometryN(i);
            }
        }
        return largest.getInteriorPoint().getCoordinate();
    }
}

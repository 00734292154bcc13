package org.changchun.layout.maps.serving;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.maps.MapView;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

/**
 * What lies at a pixel of a WMS map: polygons that contain the pixel's centre, and points and lines
 * within {@link #TOLERANCE_PIXELS} pixels of it, read through the store's spatial index.
 */
@Component
class WmsFeatureInfo {

    static final int TOLERANCE_PIXELS = 5;
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final FeatureStore store;

    WmsFeatureInfo(FeatureStore store) {
        this.store = store;
    }

    record Found(LayerInfo layer, Feature feature) {
    }

    /** The JSON answer: a GeoJSON FeatureCollection whose features name their layer. */
    record Collection(String type, List<InfoFeature> features) {
    }

    @JsonPropertyOrder({"type", "id", "layer", "properties", "geometry"})
    record InfoFeature(String type, String id, String layer, Map<String, Object> properties, Geometry geometry) {
    }

    List<Found> at(MapView view, int i, int j, List<LayerInfo> layers, int featureCount) {
        Point centre = GEOMETRIES.createPoint(new Coordinate(view.lon(i + 0.5), view.lat(j + 0.5)));
        Envelope near = new Envelope(view.lon(i + 0.5 - TOLERANCE_PIXELS), view.lon(i + 0.5 + TOLERANCE_PIXELS),
                view.lat(j + 0.5 + TOLERANCE_PIXELS), view.lat(j + 0.5 - TOLERANCE_PIXELS));
        Geometry box = GEOMETRIES.toGeometry(near);
        List<Found> found = new ArrayList<>();
        // the topmost layer first, as a user clicking the map expects
        List<LayerInfo> topFirst = new ArrayList<>(layers);
        Collections.reverse(topFirst);
        for (LayerInfo layer : topFirst) {
            int taken = 0;
            for (Feature feature : store.intersecting(layer.id(), box, 1000)) {
                boolean polygonal = feature.geometry().getDimension() == 2;
                if (polygonal && !feature.geometry().covers(centre)) {
                    continue;
                }
                found.add(new Found(layer, feature));
                if (++taken == featureCount) {
                    break;
                }
            }
        }
        return found;
    }

    static Collection json(List<Found> found) {
        return new Collection("FeatureCollection", found.stream().map(f -> new InfoFeature("Feature", f.feature().id(),
                f.layer().id(), f.feature().properties(), f.feature().geometry())).toList());
    }

    static String html(List<Found> found) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
                + "<title>要素信息 / feature info</title></head><body>\n");
        if (found.isEmpty()) {
            html.append("<p>此处没有要素 / nothing here</p>\n");
        }
        for (Found f : found) {
            html.append("<table>\n<caption>").append(escape(f.layer().description().titleZh())).append(" / ")
                    .append(escape(f.layer().description().titleEn())).append(": ").append(escape(f.feature().id()))
                    .append("</caption>\n");
            f.feature().properties().forEach((name, value) -> html.append("<tr><th>").append(escape(name))
                    .append("</th><td>").append(value == null ? "" : escape(value.toString())).append("</td></tr>\n"));
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String escape(String text) {
        return WmsCapabilities.escape(text).replace("'", "&#39;");
    }
}

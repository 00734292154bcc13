package org.changchun.layout.maps;

import java.awt.Color;
import java.util.function.Function;
import org.changchun.layout.feature.Feature;

/**
 * How one layer is drawn, read from the plan style: polygons are filled and outlined, lines stroked,
 * points drawn as circles, and a text field written at each feature. Any part may be absent (null).
 * Colours carry their opacity. Widths, radii and sizes are in CSS pixels.
 */
public record LayerLook(
        Function<Feature, Color> fill,
        Line line,
        Circle circle,
        Label label,
        double minZoom,
        double maxZoom) {

    /** @param dash dashes and gaps in pixels, null for a solid line */
    public record Line(Color colour, double width, float[] dash) {
    }

    public record Circle(Function<Feature, Color> colour, double radius, Color stroke, double strokeWidth) {
    }

    public record Label(String field, double size, Color colour, Color halo, double haloWidth, double minZoom) {
    }

    /** Whether the layer is drawn at this zoom. */
    public boolean shownAt(double zoom) {
        return zoom >= minZoom && zoom < maxZoom;
    }
}

package org.changchun.layout.maps;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.projects.ProjectFields;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.stereotype.Service;

/**
 * The legend of layers as an image (WMS GetLegendGraphic, the capabilities' LegendURL): a row per layer,
 * its sample drawn by the renderer in the plan style and its Chinese and English title in the shipped
 * font; the project library has a row per city in the city's colour. Its size is known before drawing,
 * because the capabilities must state it.
 */
@Service
public class MapLegend {

    private static final float TITLE_SIZE = 12;
    private static final float ENTRY_SIZE = 11;
    private static final int ROW = 20;
    private static final int SAMPLE_WIDTH = 24;
    private static final int SAMPLE_HEIGHT = 14;
    private static final int PAD = 4;
    private static final Color INK = new Color(0x1b2631);
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();
    private static final FontRenderContext TEXT = new FontRenderContext(null, true, true);

    private final PlanStyle style;
    private final CityCatalog cities;

    MapLegend(PlanStyle style, CityCatalog cities) {
        this.style = style;
        this.cities = cities;
    }

    /** One line of the legend: a layer's sample (or a city's dot), or a heading without one. */
    private record Entry(String text, LayerLook look, Feature feature, String geometryType, boolean indented) {
    }

    /** The legend's width and height in pixels. */
    public Dimension size(List<LayerInfo> layers) {
        List<Entry> entries = entries(layers);
        double width = 0;
        for (Entry entry : entries) {
            width = Math.max(width, textLeft(entry) + font(entry).getStringBounds(entry.text(), TEXT).getWidth());
        }
        return new Dimension((int) Math.ceil(width) + 2 * PAD, entries.size() * ROW + 2 * PAD);
    }

    /** The legend on a transparent background, or on {@code background}. */
    public BufferedImage draw(List<LayerInfo> layers, Color background) {
        Dimension size = size(layers);
        BufferedImage image = new BufferedImage(size.width, size.height,
                background == null ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            if (background != null) {
                g.setColor(background);
                g.fillRect(0, 0, size.width, size.height);
            }
            // the text is measured with fractional metrics (TEXT): drawn without them it runs wider than measured
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            int y = PAD;
            for (Entry entry : entries(layers)) {
                if (entry.look() != null) {
                    int x = entry.indented() ? PAD + SAMPLE_WIDTH / 2 : PAD;
                    MapRenderer.drawSample(g, entry.look(), entry.feature(), entry.geometryType(),
                            new Rectangle2D.Double(x, y + (ROW - SAMPLE_HEIGHT) / 2d, SAMPLE_WIDTH, SAMPLE_HEIGHT));
                }
                g.setFont(font(entry));
                g.setColor(INK);
                g.drawString(entry.text(), textLeft(entry), y + ROW - 6);
                y += ROW;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private List<Entry> entries(List<LayerInfo> layers) {
        List<Entry> entries = new ArrayList<>();
        Feature plain = new Feature("legend", Map.of(), GEOMETRIES.createPoint());
        List<LayerInfo> topFirst = new ArrayList<>(layers);
        Collections.reverse(topFirst);
        for (LayerInfo layer : topFirst) {
            LayerLook look = style.look(layer);
            String title = layer.description().titleZh() + " / " + layer.description().titleEn();
            if (layer.kind() != LayerKind.PROJECTS) {
                entries.add(new Entry(title, look, plain, layer.geometryType(), false));
                continue;
            }
            entries.add(new Entry(title, null, null, null, false));
            for (City city : cities.all()) {
                Feature ofCity = new Feature("legend", Map.of(ProjectFields.CITY, city.id()), GEOMETRIES.createPoint());
                entries.add(new Entry(city.nameZh() + " / " + city.nameEn(), look, ofCity, "Point", true));
            }
        }
        return entries;
    }

    private static Font font(Entry entry) {
        return MapFonts.forText(entry.text(), entry.look() == null || !entry.indented() ? TITLE_SIZE : ENTRY_SIZE);
    }

    private static int textLeft(Entry entry) {
        return entry.look() == null ? PAD : (entry.indented() ? PAD + SAMPLE_WIDTH / 2 : PAD) + SAMPLE_WIDTH + 6;
    }
}

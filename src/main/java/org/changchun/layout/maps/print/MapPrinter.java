package org.changchun.layout.maps.print;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.maps.LayerLook;
import org.changchun.layout.maps.MapFonts;
import org.changchun.layout.maps.MapRenderer;
import org.changchun.layout.maps.MapView;
import org.changchun.layout.maps.PlanStyle;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.stereotype.Service;

/**
 * A map on one A4 or A3 page, portrait or landscape, as a PDF: the title, the map (drawn by the same
 * renderer and style as the web map, at the job's resolution), north arrow and scale bar, the legend, the
 * date, each layer's source and every caveat that applies. Text is set in the shipped Chinese font,
 * embedded as a subset, so it can be selected and searched.
 */
@Service
public class MapPrinter {

    private static final float POINTS_PER_MM = 72 / 25.4f;
    private static final Color INK = new Color(0x1c2833);
    private static final Color GREY = new Color(0x566573);
    private static final Color CAVEAT = new Color(0x922b21);
    /** What a legend swatch of a layer coloured by a property is drawn as: the colour for no value. */
    private static final Feature LEGEND_FEATURE = new Feature("legend", Map.of(), new GeometryFactory().createPoint());

    private final MapRenderer renderer;
    private final PlanStyle style;
    private final CityCatalog cities;

    MapPrinter(MapRenderer renderer, PlanStyle style, CityCatalog cities) {
        this.renderer = renderer;
        this.style = style;
        this.cities = cities;
    }

    /** The printed page, in millimetres. */
    public record Layout(float width, float height, float margin, float mapTop, float mapHeight, float scale) {

        public static Layout of(PrintPaper paper, boolean landscape) {
            float w = landscape ? paper.longSide() : paper.shortSide();
            float h = landscape ? paper.shortSide() : paper.longSide();
            float scale = paper.shortSide() / PrintPaper.A4.shortSide();
            float margin = 10 * scale;
            float band = (landscape ? 50 : 68) * scale;
            float mapTop = h - margin - 14 * scale;
            return new Layout(w, h, margin, mapTop, mapTop - margin - band, scale);
        }

        public float mapWidth() {
            return width - 2 * margin;
        }
    }

    /** Pixels across and down the map at this resolution. */
    public static int[] mapPixels(Layout layout, int dpi) {
        return new int[] {Math.round(layout.mapWidth() / 25.4f * dpi), Math.round(layout.mapHeight() / 25.4f * dpi)};
    }

    /**
     * @param view the map, already {@linkplain MapView#fitted() fitted} to {@link #mapPixels}
     */
    public byte[] print(String title, Layout layout, List<LayerInfo> layers, MapView view) {
        BufferedImage map = renderer.render(new MapRenderer.Request(layers, view, Color.WHITE));
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(layout.width() * POINTS_PER_MM, layout.height() * POINTS_PER_MM));
            document.addPage(page);
            PDType0Font font;
            try (InputStream in = MapFonts.open()) {
                font = PDType0Font.load(document, in, true);
            }
            PDImageXObject image = LosslessFactory.createFromImage(document, map);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Page canvas = new Page(content, font);
                float s = layout.scale();
                float m = layout.margin();
                canvas.text(title, m, layout.height() - m - 7 * s, 15 * s, INK);
                canvas.text("长春市空间布局 · Changchun spatial layout", m, layout.height() - m - 11.5f * s, 7 * s, GREY);
                float mapBottom = layout.mapTop() - layout.mapHeight();
                content.drawImage(image, mm(m), mm(mapBottom), mm(layout.mapWidth()), mm(layout.mapHeight()));
                canvas.frame(m, mapBottom, layout.mapWidth(), layout.mapHeight());
                canvas.northArrow(m + layout.mapWidth() - 9 * s, layout.mapTop() - 16 * s, s);
                legend(canvas, layers, m, mapBottom - 6 * s, m, layout.mapWidth() * 0.21f, s);
                float right = m + layout.mapWidth() * 0.42f;
                float width = layout.mapWidth() * 0.58f;
                float y = canvas.scaleBar(view, layout, right, mapBottom - 7 * s, s);
                y = canvas.paragraph("制图日期 / printed: " + LocalDate.now(ZoneId.of("Asia/Shanghai"))
                        + "    坐标系 / CRS: " + view.crs().code(), right, y - 2 * s, width, 6.5f * s, INK);
                notes(canvas, layers, right, y - 1.5f * s, m, width, s);
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setSubject("长春市空间布局 · Changchun spatial layout");
            info.setCreator("changchun-layout");
            info.setCreationDate(Calendar.getInstance());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The data sources and caveats below the scale bar, in the largest type that fits above
     * {@code bottom}: a plan with many layers has many sources, and no caveat may fall off the page.
     */
    private static void notes(Page canvas, List<LayerInfo> layers, float x, float top, float bottom, float width,
            float s) throws IOException {
        List<String> sources = PrintCaveats.sources(layers);
        List<String> caveats = PrintCaveats.of(layers);
        float k = 1;
        while (k > 0.5f && top - notesHeight(canvas, sources, caveats, width, s * k) < bottom) {
            k -= 0.05f;
        }
        float y = canvas.paragraph("数据来源 / sources", x, top, width, 6.5f * s * k, INK);
        for (String source : sources) {
            y = canvas.paragraph(source, x, y, width, 5.5f * s * k, GREY);
        }
        y = canvas.paragraph("注意事项 / caveats", x, y - 1.5f * s * k, width, 6.5f * s * k, INK);
        for (String caveat : caveats) {
            y = canvas.paragraph(caveat, x, y, width, 5.5f * s * k, CAVEAT);
        }
    }

    private static float notesHeight(Page canvas, List<String> sources, List<String> caveats, float width, float s)
            throws IOException {
        float height = canvas.height("数据来源 / sources", width, 6.5f * s) + canvas.height("注意事项 / caveats", width,
                6.5f * s) + 1.5f * s;
        for (String text : sources) {
            height += canvas.height(text, width, 5.5f * s);
        }
        for (String text : caveats) {
            height += canvas.height(text, width, 5.5f * s);
        }
        return height;
    }

    /**
     * The legend, top layer first, in columns of {@code columnWidth} from {@code x}: the plan has more
     * layers than one column below the map holds on A4, so an entry that would pass {@code bottom}
     * starts the next column.
     */
    private void legend(Page canvas, List<LayerInfo> layers, float x, float top, float bottom, float columnWidth,
            float s) throws IOException {
        canvas.text("图例 / Legend", x, top, 7.5f * s, INK);
        float columnTop = top - 5 * s;
        float left = x;
        float y = columnTop;
        List<LayerInfo> topFirst = new ArrayList<>(layers);
        Collections.reverse(topFirst);
        for (LayerInfo layer : topFirst) {
            boolean projects = layer.kind() == LayerKind.PROJECTS;
            float height = projects ? 4 * s + cities.all().size() * 3.4f * s + 0.8f * s : 4.4f * s;
            if (y - height < bottom && y < columnTop) {
                left += columnWidth;
                y = columnTop;
            }
            String name = layer.description().titleZh() + " / " + layer.description().titleEn();
            // a name longer than its column wraps: on portrait pages the columns are narrow
            float line = 6.5f * s * 1.35f / POINTS_PER_MM;
            if (projects) {
                y = canvas.paragraph(name, left, y + line, columnWidth - s, 6.5f * s, INK);
                y -= 4 * s;
                for (City city : cities.all()) {
                    canvas.dot(left + 3 * s, y + 1 * s, 1.3f * s, Color.decode(city.colour()));
                    y = canvas.paragraph(city.nameZh() + " / " + city.nameEn(), left + 7 * s,
                            y + 5.5f * s * 1.35f / POINTS_PER_MM, columnWidth - 8 * s, 5.5f * s, GREY);
                    y -= 3.4f * s;
                }
                y -= 0.8f * s;
                continue;
            }
            canvas.swatch(style.look(layer), layer.geometryType(), left, y - 0.6f * s, s);
            y = canvas.paragraph(name, left + 10 * s, y + line, columnWidth - 11 * s, 6.5f * s, INK);
            y -= 4.4f * s;
        }
    }

    static float mm(float millimetres) {
        return millimetres * POINTS_PER_MM;
    }

    /** Drawing on the page in millimetres from its lower left corner. */
    private static final class Page {

        private final PDPageContentStream content;
        private final PDType0Font font;

        Page(PDPageContentStream content, PDType0Font font) {
            this.content = content;
            this.font = font;
        }

        void text(String text, float x, float y, float size, Color colour) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(colour);
            content.newLineAtOffset(mm(x), mm(y));
            content.showText(printable(text));
            content.endText();
        }

        /** Writes the text wrapped to the width; returns where the next line goes. */
        /** How far down {@link #paragraph} would go for this text, in millimetres. */
        float height(String text, float width, float size) throws IOException {
            return wrap(printable(text), mm(width), size).size() * size * 1.35f / POINTS_PER_MM;
        }

        float paragraph(String text, float x, float y, float width, float size, Color colour) throws IOException {
            float line = size * 1.35f / POINTS_PER_MM;
            for (String part : wrap(printable(text), mm(width), size)) {
                y -= line;
                text(part, x, y, size, colour);
            }
            return y;
        }

        private List<String> wrap(String text, float widthPoints, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                current.append(c);
                if (font.getStringWidth(current.toString()) / 1000 * size > widthPoints) {
                    current.setLength(current.length() - 1);
                    // Chinese breaks between any two characters; an English word moves to the next line whole
                    int space = current.lastIndexOf(" ");
                    String carried = "";
                    if (Character.isLetterOrDigit(c) && c < 0x80 && space > 0) {
                        carried = current.substring(space + 1);
                        current.setLength(space);
                    }
                    lines.add(current.toString());
                    current.setLength(0);
                    current.append(carried);
                    if (c != ' ') {
                        current.append(c);
                    }
                }
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
            }
            return lines;
        }

        void frame(float x, float y, float w, float h) throws IOException {
            content.setStrokingColor(INK);
            content.setLineWidth(0.6f);
            content.setLineDashPattern(new float[0], 0);
            content.addRect(mm(x), mm(y), mm(w), mm(h));
            content.stroke();
        }

        void northArrow(float x, float y, float s) throws IOException {
            float half = 2.6f * s;
            float tall = 8 * s;
            content.setNonStrokingColor(INK);
            content.setStrokingColor(INK);
            content.setLineWidth(0.5f);
            content.moveTo(mm(x), mm(y + tall));
            content.lineTo(mm(x - half), mm(y));
            content.lineTo(mm(x), mm(y + 2 * s));
            content.closePath();
            content.fill();
            content.moveTo(mm(x), mm(y + tall));
            content.lineTo(mm(x + half), mm(y));
            content.lineTo(mm(x), mm(y + 2 * s));
            content.closePath();
            content.stroke();
            text("N 北", x - 2.6f * s, y + tall + 1.2f * s, 6.5f * s, INK);
        }

        /** A bar of a round length near 35 mm, its scale and units; returns where the next line goes. */
        float scaleBar(MapView view, Layout layout, float x, float y, float s) throws IOException {
            double metresPerMm = view.groundMetresPerPixel() * view.width() / layout.mapWidth();
            double target = 35 * s * metresPerMm;
            double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
            double metres = magnitude;
            for (double step : new double[] {2, 5, 10}) {
                if (step * magnitude <= target) {
                    metres = step * magnitude;
                }
            }
            float length = (float) (metres / metresPerMm);
            float height = 1.4f * s;
            for (int i = 0; i < 4; i++) {
                content.setNonStrokingColor(i % 2 == 0 ? INK : Color.WHITE);
                content.addRect(mm(x + i * length / 4), mm(y), mm(length / 4), mm(height));
                content.fill();
            }
            frame(x, y, length, height);
            String label = metres >= 1000 ? String.format(Locale.ROOT, "%s km", trim(metres / 1000))
                    : String.format(Locale.ROOT, "%s m", trim(metres));
            text("0", x - 0.8f * s, y + height + 1 * s, 5.5f * s, INK);
            text(label, x + length - 2 * s, y + height + 1 * s, 5.5f * s, INK);
            long denominator = Math.round(metresPerMm * 1000 / 100) * 100;
            text(String.format(Locale.ROOT, "比例尺 / scale 1:%,d（图幅中部 / at the map's centre）", denominator),
                    x + length + 4 * s, y, 6.5f * s, INK);
            return y - 1 * s;
        }

        void dot(float x, float y, float r, Color colour) throws IOException {
            content.setNonStrokingColor(colour);
            float k = 0.5523f * r;
            content.moveTo(mm(x + r), mm(y));
            content.curveTo(mm(x + r), mm(y + k), mm(x + k), mm(y + r), mm(x), mm(y + r));
            content.curveTo(mm(x - k), mm(y + r), mm(x - r), mm(y + k), mm(x - r), mm(y));
            content.curveTo(mm(x - r), mm(y - k), mm(x - k), mm(y - r), mm(x), mm(y - r));
            content.curveTo(mm(x + k), mm(y - r), mm(x + r), mm(y - k), mm(x + r), mm(y));
            content.fill();
        }

        void swatch(LayerLook look, String geometryType, float x, float y, float s) throws IOException {
            float w = 7 * s;
            float h = 3.2f * s;
            if (geometryType.contains("Polygon") && look.fill() != null) {
                Color fill = look.fill().apply(LEGEND_FEATURE);
                alpha(fill.getAlpha() / 255f);
                content.setNonStrokingColor(new Color(fill.getRGB() & 0xffffff));
                content.addRect(mm(x), mm(y), mm(w), mm(h));
                content.fill();
                alpha(1);
            }
            if (look.line() != null) {
                Color line = look.line().colour();
                content.setStrokingColor(new Color(line.getRGB() & 0xffffff));
                content.setLineWidth((float) look.line().width() * 0.75f * s);
                float[] dash = look.line().dash() == null ? new float[0] : look.line().dash();
                content.setLineDashPattern(dash, 0);
                if (geometryType.contains("Line")) {
                    content.moveTo(mm(x), mm(y + h / 2));
                    content.lineTo(mm(x + w), mm(y + h / 2));
                } else {
                    content.addRect(mm(x), mm(y), mm(w), mm(h));
                }
                content.stroke();
                content.setLineDashPattern(new float[0], 0);
            }
            if (geometryType.contains("Point") && look.circle() != null) {
                dot(x + w / 2, y + h / 2, 1.3f * s, look.circle().colour().apply(LEGEND_FEATURE));
            }
        }

        private void alpha(float value) throws IOException {
            PDExtendedGraphicsState state = new PDExtendedGraphicsState();
            state.setNonStrokingAlphaConstant(value);
            content.setGraphicsStateParameters(state);
        }

        /** The text with characters the shipped font lacks shown as '?', which PDF text can hold. */
        private static String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> out.appendCodePoint(MapFonts.shippedHas(c) ? c : '?'));
            return out.toString();
        }

        private static String trim(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }
}

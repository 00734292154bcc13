package org.changchun.layout.maps;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Chinese font maps and prints are written in: WenQuanYi Micro Hei cut to GBK, shipped in the jar
 * ({@code src/main/resources/fonts}, made by {@code gis-data/build/cjk-font.sh}), so names draw on a machine
 * with no CJK font installed. A text with a character it lacks is written in the system's sans-serif
 * (fontconfig's CJK fallbacks, where installed) instead of as boxes.
 */
public final class MapFonts {

    /** The font file in the jar, for PDF embedding. */
    public static final String RESOURCE = "/fonts/WenQuanYiMicroHei-GBK.ttf";

    private static final Font SHIPPED = load();

    private MapFonts() {
    }

    /** The font to write this text in at this size (pixels). */
    public static Font forText(String text, float size) {
        Font font = SHIPPED.deriveFont(size);
        if (font.canDisplayUpTo(text) == -1) {
            return font;
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(size);
    }

    /** Whether the shipped font has a glyph for the character. */
    public static boolean shippedHas(int codePoint) {
        return SHIPPED.canDisplay(codePoint);
    }

    /** The shipped font file's bytes, opened anew. */
    public static InputStream open() {
        InputStream in = MapFonts.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the map font " + RESOURCE + " is missing from the jar");
        }
        return in;
    }

    private static Font load() {
        try (InputStream in = open()) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the map font " + RESOURCE + " cannot be read", e);
        }
    }
}

package org.changchun.layout.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chinese names are drawn with real glyphs, from the font the jar ships, not as boxes (tofu). */
class MapFontsTest {

    @Test
    void chineseTextIsWrittenInTheShippedFont() {
        for (String text : List.of("长春市", "榆树市", "公主岭市", "“双碳”示范区", "中韩（长春）国际合作示范区", "km²")) {
            assertThat(MapFonts.forText(text, 12).getFamily()).as(text).isEqualTo("WenQuanYi Micro Hei");
        }
    }

    @Test
    void eachCharacterHasItsOwnGlyphAndNoneIsTheMissingBox() {
        Font font = MapFonts.forText("长春", 40);
        int[] chang = pixels(font, "长");
        int[] chun = pixels(font, "春");
        int[] tofu = missingGlyph(font);
        assertThat(ink(chang)).isGreaterThan(100);
        assertThat(chang).isNotEqualTo(chun);
        assertThat(chang).isNotEqualTo(tofu);
        assertThat(chun).isNotEqualTo(tofu);
        GlyphVector glyphs = font.createGlyphVector(image().createGraphics().getFontRenderContext(), "长春市双阳区");
        for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
            assertThat(glyphs.getGlyphCode(i)).isNotEqualTo(font.getMissingGlyphCode());
        }
    }

    private static BufferedImage image() {
        return new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
    }

    private static int[] pixels(Font font, String text) {
        BufferedImage image = image();
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.setFont(font);
        g.drawString(text, 5, 45);
        g.dispose();
        return image.getRGB(0, 0, 60, 60, null, 0, 60);
    }

    private static int[] missingGlyph(Font font) {
        BufferedImage image = image();
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.drawGlyphVector(font.createGlyphVector(g.getFontRenderContext(), new int[] {font.getMissingGlyphCode()}), 5, 45);
        g.dispose();
        return image.getRGB(0, 0, 60, 60, null, 0, 60);
    }

    private static long ink(int[] pixels) {
        return Arrays.stream(pixels).filter(p -> (p & 0xffffff) != 0).count();
    }
}

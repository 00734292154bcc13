package org.changchun.layout.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The PNG encoder's images, decoded by ImageIO, are the pixels drawn: opaque and transparent, every byte value. */
class PngEncoderTest {

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB})
    void whatIsWrittenDecodesToThePixelsDrawn(int type) throws IOException {
        BufferedImage image = new BufferedImage(301, 157, type);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(30, 132, 73, 90));
        g.fill(new Ellipse2D.Double(10, 5, 250, 140));
        g.setStroke(new BasicStroke(2.5f));
        g.setColor(new Color(123, 36, 28, 220));
        g.draw(new Ellipse2D.Double(40, 20, 200, 100));
        g.dispose();
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            image.setRGB(random.nextInt(image.getWidth()), random.nextInt(image.getHeight()), random.nextInt());
        }

        assertThat(PngEncoder.canEncode(image)).isTrue();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(MapFormat.PNG.encode(image)));

        assertThat(decoded.getWidth()).isEqualTo(301);
        assertThat(decoded.getHeight()).isEqualTo(157);
        assertThat(decoded.getColorModel().hasAlpha()).isEqualTo(type == BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int expected = image.getRGB(x, y);
                int actual = decoded.getRGB(x, y);
                if (type == BufferedImage.TYPE_INT_ARGB && expected >>> 24 == 0) {
                    assertThat(actual >>> 24).as("(%d, %d) transparent", x, y).isZero();
                } else {
                    assertThat(Integer.toHexString(actual)).as("(%d, %d)", x, y).isEqualTo(Integer.toHexString(expected));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_3BYTE_BGR})
    void otherImagesAreLeftToImageIo(int type) throws IOException {
        BufferedImage image = new BufferedImage(20, 10, type);
        assertThat(PngEncoder.canEncode(image)).isFalse();
        assertThat(ImageIO.read(new ByteArrayInputStream(MapFormat.PNG.encode(image))).getWidth()).isEqualTo(20);
    }
}

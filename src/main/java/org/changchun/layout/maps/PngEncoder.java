package org.changchun.layout.maps;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * PNG for the renderer's own images ({@code TYPE_INT_ARGB}, {@code TYPE_INT_RGB}, packed rows).
 * ImageIO's PNG writer took a third of a cold map's CPU (a profile of 1024 × 768 WMS maps: its
 * CRC is computed in Java, and every row is copied sample by sample); this writes the pixels
 * straight from the image's array, each row with the Sub filter, through the JDK's deflate and
 * CRC-32. Any other image is for ImageIO.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte SUB_FILTER = 1;

    private PngEncoder() {
    }

    static boolean canEncode(BufferedImage image) {
        return (image.getType() == BufferedImage.TYPE_INT_ARGB || image.getType() == BufferedImage.TYPE_INT_RGB)
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel packed
                && packed.getScanlineStride() == image.getWidth()
                && image.getRaster().getDataBuffer().getOffset() == 0
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0;
    }

    /** @param level the deflate level, 0 (none) to 9 (smallest) */
    static byte[] encode(BufferedImage image, int level) {
        int width = image.getWidth();
        int height = image.getHeight();
        boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        out.writeBytes(SIGNATURE);
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) (alpha ? 6 : 2)).put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(64 * 1024);
        Deflater deflater = new Deflater(level);
        try (DeflaterOutputStream stream = new DeflaterOutputStream(compressed, deflater, 64 * 1024)) {
            byte[] row = new byte[1 + width * (alpha ? 4 : 3)];
            row[0] = SUB_FILTER;
            for (int y = 0; y < height; y++) {
                int left = 0;
                int i = 1;
                for (int x = 0, offset = y * width; x < width; x++) {
                    int pixel = pixels[offset + x];
                    // Sub: each byte minus the same byte of the pixel to its left
                    row[i++] = (byte) ((pixel >> 16) - (left >> 16));
                    row[i++] = (byte) ((pixel >> 8) - (left >> 8));
                    row[i++] = (byte) (pixel - left);
                    if (alpha) {
                        row[i++] = (byte) ((pixel >>> 24) - (left >>> 24));
                    }
                    left = pixel;
                }
                stream.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

package org.changchun.layout.maps;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import org.changchun.layout.http.MediaTypes;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.http.MediaType;

/** The image formats maps are encoded in. JPEG has no transparency: a transparent JPEG is drawn on its background. */
public enum MapFormat {
    // PNG: deflate level 2 — maps some tenth larger than at level 4, drawn in about half the time it spends
    // compressing them (maps are made on request; cached ones are sent as they are). ImageIO's quality 0.75
    // is the same level, for images PngEncoder does not take.
    PNG(MediaTypes.PNG, "png", 0.75f),
    // JPEG: ImageIO's default quality
    JPEG(MediaTypes.JPEG, "jpeg", 0.75f);

    private static final int PNG_DEFLATE_LEVEL = 2;

    private final MediaType mediaType;
    private final String imageIoName;
    private final float quality;

    MapFormat(MediaType mediaType, String imageIoName, float quality) {
        this.mediaType = mediaType;
        this.imageIoName = imageIoName;
        this.quality = quality;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The image encoded in this format. */
    public byte[] encode(BufferedImage image) {
        if (this == PNG && PngEncoder.canEncode(image)) {
            return PngEncoder.encode(image, PNG_DEFLATE_LEVEL);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ImageWriter writer = ImageIO.getImageWritersByFormatName(imageIoName).next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The format a media type ({@code image/png}, {@code image/jpeg}, with parameters or not) or a short name names. */
    public static Optional<MapFormat> of(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        int semicolon = name.indexOf(';');
        if (semicolon >= 0) {
            name = name.substring(0, semicolon).trim();
        }
        return switch (name) {
            case "image/png", "png", "image/png8", "png8" -> Optional.of(PNG);
            case "image/jpeg", "jpeg", "jpg", "image/jpg" -> Optional.of(JPEG);
            default -> Optional.empty();
        };
    }
}

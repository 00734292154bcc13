package org.changchun.layout.maps;

import java.util.Locale;
import java.util.Optional;
import org.changchun.layout.http.MediaTypes;
import org.springframework.http.MediaType;

/** The image formats maps are encoded in. JPEG has no transparency: a transparent JPEG is drawn on its background. */
public enum MapFormat {
    PNG(MediaTypes.PNG, "png"),
    JPEG(MediaTypes.JPEG, "jpeg");

    private final MediaType mediaType;
    private final String imageIoName;

    MapFormat(MediaType mediaType, String imageIoName) {
        this.mediaType = mediaType;
        this.imageIoName = imageIoName;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    String imageIoName() {
        return imageIoName;
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

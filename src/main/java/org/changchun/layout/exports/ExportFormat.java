package org.changchun.layout.exports;

import java.util.Arrays;
import java.util.Locale;
import org.changchun.layout.query.InvalidQueryException;

/** The formats a layer can be exported in. */
enum ExportFormat {
    GEOJSON("geojson", "application/geo+json"),
    CSV("csv", "text/csv"),
    SHP("zip", "application/zip");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    static ExportFormat of(String text) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new InvalidQueryException("不支持的导出格式：" + text + "（可用 shp、geojson、csv）",
                        "unsupported export format '" + text + "'; use shp, geojson or csv"));
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.changchun.layout.history;

import org.changchun.layout.http.FormatParameter;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.ResponseFormat;
import org.springframework.http.MediaType;

/** The formats the changes between two versions are written in, as {@code format=} names them. */
enum ChangeFormat implements ResponseFormat {
    JSON(MediaTypes.JSON),
    GEOJSON(MediaTypes.GEOJSON),
    CSV(MediaTypes.CSV_UTF8);

    /** JSON unless asked otherwise. */
    static final FormatParameter<ChangeFormat> PARAMETER = FormatParameter.of("format", ChangeFormat.class, JSON);

    private final MediaType mediaType;

    ChangeFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }
}

package org.changchun.layout.exports;

import org.changchun.layout.http.FormatParameter;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.ResponseFormat;
import org.springframework.http.MediaType;

/** The formats a layer can be exported in, as {@code format=} names them. */
enum ExportFormat implements ResponseFormat {
    GEOJSON("geojson", MediaTypes.GEOJSON),
    CSV("csv", MediaTypes.CSV),
    SHP("zip", MediaTypes.ZIP),
    GPKG("gpkg", MediaTypes.GEOPACKAGE);

    /** The export's {@code format} parameter; GeoJSON unless asked otherwise. */
    static final FormatParameter<ExportFormat> PARAMETER = FormatParameter.of("format", ExportFormat.class, GEOJSON);

    private final String extension;
    private final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The downloaded file's extension. */
    String extension() {
        return extension;
    }

    /** The media type of the download; CSV's charset is the export's encoding, added by the caller. */
    MediaType mediaType() {
        return mediaType;
    }
}

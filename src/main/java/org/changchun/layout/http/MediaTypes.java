package org.changchun.layout.http;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * Every media type the service answers with or accepts, named once. Each comes as a
 * {@code _VALUE} string, for annotations ({@code produces}, {@code consumes}) and links, and as a
 * {@link MediaType} for responses, as Spring's own constants do; the types Spring already names
 * are taken from it, so both spellings stay the same everywhere. ({@code tiles/} and
 * {@code imports/} still name a few themselves, such as the vector-tile type; they are to be aligned.)
 */
public final class MediaTypes {

    /** RFC 7946 GeoJSON: features, feature collections. */
    public static final String GEOJSON_VALUE = "application/geo+json";
    public static final MediaType GEOJSON = MediaType.parseMediaType(GEOJSON_VALUE);

    /** Plain JSON: documents that are not GeoJSON (landing page, collections, catalog, totals). */
    public static final String JSON_VALUE = MediaType.APPLICATION_JSON_VALUE;
    public static final MediaType JSON = MediaType.APPLICATION_JSON;

    /** A JSON Schema, as OGC API - Features Part 3 serves queryables. */
    public static final String JSON_SCHEMA_VALUE = "application/schema+json";
    public static final MediaType JSON_SCHEMA = MediaType.parseMediaType(JSON_SCHEMA_VALUE);

    /** An OpenAPI 3.0 definition, as OGC API - Features links its service description. */
    public static final String OPENAPI_VALUE = "application/vnd.oai.openapi+json;version=3.0";

    /** A JSON merge patch (RFC 7396), the body of an OGC API - Features Part 4 update. */
    public static final String MERGE_PATCH_VALUE = "application/merge-patch+json";

    /** An RFC 9457 problem document: every error. */
    public static final String PROBLEM_JSON_VALUE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    /** HTML; pages are written in UTF-8, so they are answered as {@link #HTML_UTF8}. */
    public static final String HTML_VALUE = MediaType.TEXT_HTML_VALUE;
    public static final MediaType HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /**
     * RFC 4180 CSV; a download names its charset ({@link #CSV_UTF8}, or {@code new MediaType(CSV, charset)}
     * for an export in another encoding).
     */
    public static final String CSV_VALUE = "text/csv";
    public static final MediaType CSV = MediaType.parseMediaType(CSV_VALUE);
    public static final MediaType CSV_UTF8 = new MediaType(CSV, StandardCharsets.UTF_8);

    /** A zip archive: an exported layer as shapefiles. */
    public static final String ZIP_VALUE = "application/zip";
    public static final MediaType ZIP = MediaType.parseMediaType(ZIP_VALUE);
    /** An OGC GeoPackage (OGC 12-128, an SQLite file; the type registered with IANA): imported or exported layers, one feature table each. */
    public static final String GEOPACKAGE_VALUE = "application/geopackage+sqlite3";
    public static final MediaType GEOPACKAGE = MediaType.parseMediaType(GEOPACKAGE_VALUE);
    public static final String PNG_VALUE = MediaType.IMAGE_PNG_VALUE;
    public static final MediaType PNG = MediaType.IMAGE_PNG;
    public static final String JPEG_VALUE = MediaType.IMAGE_JPEG_VALUE;
    public static final MediaType JPEG = MediaType.IMAGE_JPEG;
    public static final String PDF_VALUE = MediaType.APPLICATION_PDF_VALUE;
    public static final MediaType PDF = MediaType.APPLICATION_PDF;
    /** WMS 1.3.0 capabilities, service exception reports and GetFeatureInfo's XML answers. */
    public static final String XML_VALUE = MediaType.TEXT_XML_VALUE;
    public static final MediaType XML_UTF8 = new MediaType(MediaType.TEXT_XML, StandardCharsets.UTF_8);
    /** A MapLibre (Mapbox GL) style document, as OGC API - Styles names it. */
    public static final String MAPLIBRE_STYLE_VALUE = "application/vnd.mapbox.style+json";
    public static final MediaType MAPLIBRE_STYLE = MediaType.parseMediaType(MAPLIBRE_STYLE_VALUE);

    /** A form with files; its bodies have their own size bound. */
    public static final String MULTIPART_FORM_DATA_VALUE = MediaType.MULTIPART_FORM_DATA_VALUE;

    private MediaTypes() {
    }
}

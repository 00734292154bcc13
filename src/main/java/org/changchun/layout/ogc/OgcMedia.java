package org.changchun.layout.ogc;

/** Media types of OGC API resources. */
final class OgcMedia {

    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String HTML = "text/html";
    static final String SCHEMA = "application/schema+json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String MERGE_PATCH = "application/merge-patch+json";

    private OgcMedia() {
    }
}

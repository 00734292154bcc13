package org.changchun.layout.ogc;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The conformance classes the service declares (OGC API - Features, Tiles and Maps, CQL2): only
 * those its tests exercise (the CQL2 ones by {@code Cql2ConformanceTest}, from the standard's
 * examples; the Part 5 schemas, roles and sortables by {@code OgcApiTest}). Not declared: CQL2 array
 * functions (no property of this service is an array, so they can only be refused), accent-insensitive
 * comparison and custom functions, which are not implemented; Part 5's queryables and profiles.
 */
final class Conformance {

    private static final String FEATURES_1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    private static final String FEATURES_2 = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/";
    private static final String FEATURES_3 = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
    private static final String FEATURES_4 = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/";
    private static final String FEATURES_5 = "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/";
    private static final String CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf/";
    private static final String TILES = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";
    private static final String MAPS = "http://www.opengis.net/spec/ogcapi-maps-1/1.0/conf/";

    static final List<String> CLASSES = List.of(
            FEATURES_1 + "core",
            FEATURES_1 + "geojson",
            FEATURES_1 + "html",
            FEATURES_1 + "oas30",
            FEATURES_2 + "crs",
            FEATURES_3 + "queryables",
            FEATURES_3 + "queryables-query-parameters",
            FEATURES_3 + "filter",
            FEATURES_3 + "features-filter",
            FEATURES_4 + "create-replace-delete",
            FEATURES_4 + "update",
            FEATURES_4 + "features",
            FEATURES_5 + "schemas",
            FEATURES_5 + "core-roles-features",
            FEATURES_5 + "returnables-and-receivables",
            FEATURES_5 + "sortables",
            CQL2 + "cql2-text",
            CQL2 + "cql2-json",
            CQL2 + "basic-cql2",
            CQL2 + "advanced-comparison-operators",
            CQL2 + "case-insensitive-comparison",
            CQL2 + "basic-spatial-functions",
            CQL2 + "basic-spatial-functions-plus",
            CQL2 + "spatial-functions",
            CQL2 + "property-property",
            CQL2 + "arithmetic",
            CQL2 + "temporal-functions",
            TILES + "core",
            TILES + "tileset",
            TILES + "tilesets-list",
            TILES + "geodata-tilesets",
            TILES + "dataset-tilesets",
            TILES + "mvt",
            MAPS + "core",
            MAPS + "background",
            MAPS + "crs",
            MAPS + "scaling",
            MAPS + "dataset-map",
            MAPS + "collection-map",
            MAPS + "png",
            MAPS + "jpeg");

    /** The answer of {@code /ogc/conformance}. */
    record Declaration(@JsonProperty("conformsTo") List<String> conformsTo) {
    }

    private Conformance() {
    }
}

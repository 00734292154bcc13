package org.changchun.layout.exports;

import org.changchun.layout.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgisGeoPackageExportTest extends GeoPackageExportTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("postgis", registry);
    }
}

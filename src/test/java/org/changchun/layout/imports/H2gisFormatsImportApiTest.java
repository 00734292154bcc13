package org.changchun.layout.imports;

import org.changchun.layout.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2gisFormatsImportApiTest extends FormatsImportApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }
}

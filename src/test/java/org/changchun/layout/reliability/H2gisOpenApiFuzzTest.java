package org.changchun.layout.reliability;

import org.changchun.layout.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2gisOpenApiFuzzTest extends OpenApiFuzzTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }
}

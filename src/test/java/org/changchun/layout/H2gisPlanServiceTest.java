package org.changchun.layout;

import org.changchun.layout.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on the embedded default store, in a fresh H2GIS file. */
class H2gisPlanServiceTest extends PlanServiceTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @Override
    String expectedStoreKind() {
        return "h2gis";
    }
}

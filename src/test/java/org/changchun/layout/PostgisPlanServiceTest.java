package org.changchun.layout;

import org.changchun.layout.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on PostGIS, in a fresh database of the test server. */
class PostgisPlanServiceTest extends PlanServiceTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("postgis", registry);
    }

    @Override
    String expectedStoreKind() {
        return "postgis";
    }
}

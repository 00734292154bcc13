package org.changchun.layout;

import org.changchun.layout.support.TestPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on PostGIS, in a fresh database of the test server. */
class PostgisPlanServiceTest extends PlanServiceTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestPostgis.Database database = TestPostgis.instance().newDatabase();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }

    @Override
    String expectedStoreKind() {
        return "postgis";
    }
}

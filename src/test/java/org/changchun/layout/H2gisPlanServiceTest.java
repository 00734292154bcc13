package org.changchun.layout;

import org.changchun.layout.support.TestStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on the embedded default store, in a fresh H2GIS file. */
class H2gisPlanServiceTest extends PlanServiceTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        String url = TestStores.h2Url();
        registry.add("spring.datasource.url", () -> url);
    }

    @Override
    String expectedStoreKind() {
        return "h2gis";
    }
}

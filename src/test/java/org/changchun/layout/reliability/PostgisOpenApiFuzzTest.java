package org.changchun.layout.reliability;

import org.changchun.layout.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgisOpenApiFuzzTest extends OpenApiFuzzTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("postgis", registry);
    }
}

package org.changchun.layout.coverage;

import org.changchun.layout.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2gisKeptTotalsTest extends KeptTotalsTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }
}

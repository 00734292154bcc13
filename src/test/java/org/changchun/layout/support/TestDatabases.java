package org.changchun.layout.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points an application test at a fresh database of either store. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A fresh H2GIS file or a fresh database on the PostGIS test server. */
    public static void register(String kind, DynamicPropertyRegistry registry) {
        switch (kind) {
            case "h2gis" -> {
                String url = TestStores.h2Url();
                registry.add("spring.datasource.url", () -> url);
            }
            case "postgis" -> {
                TestPostgis.Database database = TestPostgis.instance().newDatabase();
                registry.add("spring.datasource.url", database::url);
                registry.add("spring.datasource.username", database::user);
                registry.add("spring.datasource.password", database::password);
                // the throwaway test cluster trusts local connections and has no password
                registry.add("plan.security.allow-insecure-defaults", () -> "true");
            }
            default -> throw new IllegalArgumentException("no store kind " + kind);
        }
    }
}

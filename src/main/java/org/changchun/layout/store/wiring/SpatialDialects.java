package org.changchun.layout.store.wiring;

import org.changchun.layout.store.StoreKind;
import org.changchun.layout.store.h2gis.H2gisDialect;
import org.changchun.layout.store.jdbc.SpatialDialect;
import org.changchun.layout.store.postgis.PostgisDialect;

/** The SQL dialect of each kind of store. */
public final class SpatialDialects {

    private static final SpatialDialect POSTGIS = new PostgisDialect();
    private static final SpatialDialect H2GIS = new H2gisDialect();

    private SpatialDialects() {
    }

    public static SpatialDialect of(StoreKind kind) {
        return switch (kind) {
            case POSTGIS -> POSTGIS;
            case H2GIS -> H2GIS;
        };
    }
}

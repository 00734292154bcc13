package org.changchun.layout.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.changchun.layout.store.h2gis.H2gisDialect;
import org.changchun.layout.store.jdbc.SpatialDialect;
import org.changchun.layout.store.postgis.PostgisDialect;

/** The two stores the service runs on, told apart by the database behind the data source. */
public enum StoreKind {
    POSTGIS("PostgreSQL", new PostgisDialect()),
    H2GIS("H2", new H2gisDialect());

    private final String productName;
    private final SpatialDialect dialect;

    StoreKind(String productName, SpatialDialect dialect) {
        this.productName = productName;
        this.dialect = dialect;
    }

    public SpatialDialect dialect() {
        return dialect;
    }

    /**
     * Where this store's Flyway migrations live: the SQL both dialects accept, then this
     * dialect's own (the version numbers are shared, so the two folders interleave).
     */
    public String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + dialect.kind()};
    }

    /**
     * @throws IllegalStateException if the data source is neither PostgreSQL nor H2
     */
    public static StoreKind of(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("数据库无法连接 / cannot reach the database: " + e.getMessage(), e);
        }
        for (StoreKind kind : values()) {
            if (kind.productName.equals(product)) {
                return kind;
            }
        }
        throw new IllegalStateException("不支持的数据库 / unsupported database \"" + product
                + "\": set spring.datasource.url to a jdbc:postgresql: (PostGIS) or jdbc:h2: (H2GIS) URL");
    }
}

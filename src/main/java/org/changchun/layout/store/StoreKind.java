package org.changchun.layout.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The two stores the service runs on, told apart by the database behind the data source. */
public enum StoreKind {
    POSTGIS("PostgreSQL", "postgis"),
    H2GIS("H2", "h2gis");

    private final String productName;
    private final String migrationFolder;

    StoreKind(String productName, String migrationFolder) {
        this.productName = productName;
        this.migrationFolder = migrationFolder;
    }

    /**
     * Where this store's Flyway migrations live: the SQL both dialects accept, then this
     * dialect's own (the version numbers are shared, so the two folders interleave).
     */
    public String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + migrationFolder};
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

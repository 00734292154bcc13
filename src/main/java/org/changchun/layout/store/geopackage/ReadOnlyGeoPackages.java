package org.changchun.layout.store.geopackage;

import com.j256.ormlite.jdbc.DataSourceConnectionSource;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageException;
import mil.nga.geopackage.GeoPackageImpl;
import mil.nga.geopackage.db.GeoPackageConnection;
import mil.nga.geopackage.validate.GeoPackageValidate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens an uploaded GeoPackage with NGA's GeoPackage Java, read-only at the SQLite level: both
 * connections the library uses (its own, and ORMLite's for the gpkg_* tables) are opened with
 * {@code SQLITE_OPEN_READONLY}, so nothing in the file (a trigger, a crafted table) can change it
 * or anything else, whatever the library or the file attempt. This is the only code that makes a
 * JDBC connection to a GeoPackage; readers use the library's API.
 */
public final class ReadOnlyGeoPackages {

    private ReadOnlyGeoPackages() {
    }

    /**
     * @throws GeoPackageException when the file is not an SQLite database or lacks the GeoPackage's
     *         required tables (gpkg_spatial_ref_sys, gpkg_contents)
     */
    public static GeoPackage open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        source.setUrl(url);
        Connection connection;
        try {
            connection = source.getConnection();
        } catch (SQLException e) {
            throw new GeoPackageException("not an SQLite database: " + e.getMessage(), e);
        }
        GeoPackage geoPackage;
        try {
            geoPackage = new ReadOnly(file.toFile(), new GeoPackageConnection(file.toFile(), connection,
                    new DataSourceConnectionSource(source, url)));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw new GeoPackageException("the GeoPackage cannot be opened: " + e.getMessage(), e);
        }
        try {
            GeoPackageValidate.validateMinimumTables(geoPackage);
            return geoPackage;
        } catch (RuntimeException e) {
            geoPackage.close();
            throw e;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // opened for reading only: nothing can be lost
        }
    }

    /** The library's GeoPackage, told it may not write (its constructor is protected). */
    private static final class ReadOnly extends GeoPackageImpl {

        ReadOnly(File file, GeoPackageConnection connection) {
            super(file.getName(), file, connection, false);
        }
    }
}

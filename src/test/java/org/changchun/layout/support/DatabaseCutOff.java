package org.changchun.layout.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Takes a PostGIS test database away from its service and gives it back: the server refuses new
 * connections to it and ends those open, as a restarting or failing-over database does.
 */
public final class DatabaseCutOff {

    private DatabaseCutOff() {
    }

    /** Makes the server refuse new connections to the database and end its open ones, or lets them in again. */
    public static void cutOff(TestPostgis.Database database, boolean refuse) throws SQLException {
        try (Connection server = TestPostgis.instance().connectToServer();
             Statement statement = server.createStatement()) {
            statement.execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database.name() + "'");
            }
        }
    }
}

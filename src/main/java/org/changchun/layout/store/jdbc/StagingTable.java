package org.changchun.layout.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.changchun.layout.feature.LinkRelation;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * A version's staging table of links ({@code fl_<versionId>}), created and filled in one transaction
 * on a connection of its own: with the dialect's bulk loader where it has one, else in batches.
 */
final class StagingTable implements LinkRows {

    private static final int BATCH_SIZE = 1_000;

    private final String table;
    private final SQLExceptionTranslator translator;
    private final Connection connection;
    private final BulkLoader.Load load;
    private final PreparedStatement batch;
    private int batched;

    StagingTable(DataSource dataSource, Optional<BulkLoader> bulkLoader, SQLExceptionTranslator translator,
                 String table) {
        this.table = table;
        this.translator = translator;
        Connection opened = null;
        try {
            opened = dataSource.getConnection();
            opened.setAutoCommit(false);
            this.connection = opened;
            // created in the transaction that fills it, so PostgreSQL appends every row in the order
            // given instead of filling space left on earlier pages (the order is what TargetOrderedLinks keeps)
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE " + table + " (source_layer VARCHAR(64) NOT NULL,"
                        + " source_id VARCHAR(128) NOT NULL, target_layer VARCHAR(64) NOT NULL,"
                        + " target_id VARCHAR(128) NOT NULL, relation VARCHAR(16) NOT NULL)");
            }
            if (bulkLoader.isPresent()) {
                this.load = bulkLoader.get().open(connection, table, LinkStaging.COLUMNS);
                this.batch = null;
            } else {
                this.load = null;
                this.batch = connection.prepareStatement("INSERT INTO " + table + " ("
                        + String.join(", ", LinkStaging.COLUMNS) + ") VALUES (?, ?, ?, ?, ?)");
            }
        } catch (SQLException e) {
            JdbcUtils.closeConnection(opened);
            throw translate(e);
        }
    }

    @Override
    public void write(String sourceLayer, String sourceId, String targetLayer, String targetId,
                      LinkRelation relation) {
        try {
            if (load != null) {
                load.write(new Object[] {sourceLayer, sourceId, targetLayer, targetId, relation.code()});
            } else {
                batch.setString(1, sourceLayer);
                batch.setString(2, sourceId);
                batch.setString(3, targetLayer);
                batch.setString(4, targetId);
                batch.setString(5, relation.code());
                batch.addBatch();
                if (++batched == BATCH_SIZE) {
                    batch.executeBatch();
                    batched = 0;
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void commit() {
        try {
            if (load != null) {
                load.finish();
            } else if (batched > 0) {
                batch.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void abandon() {
        if (load != null) {
            load.cancel();
        }
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next; the failure that got us here is what matters
        }
    }

    @Override
    public void close() {
        JdbcUtils.closeStatement(batch);
        JdbcUtils.closeConnection(connection);
    }

    private DataAccessException translate(SQLException e) {
        DataAccessException translated = translator.translate("staging links into " + table, null, e);
        return translated != null ? translated : new UncategorizedSQLException("staging links into " + table, null, e);
    }
}

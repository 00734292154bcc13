package org.changchun.layout.store.jdbc;

import java.sql.SQLException;
import org.changchun.layout.feature.LinkRelation;

/** Where {@link LinkStaging} puts the links it finds: a version's staging table, or nowhere in a rehearsal. */
interface LinkRows extends AutoCloseable {

    void write(String sourceLayer, String sourceId, String targetLayer, String targetId, LinkRelation relation);

    /** Makes every link written lasting. */
    void commit();

    /** Throws away what was written, after a failure; {@link #close} follows. */
    void abandon();

    @Override
    void close();

    /** Links encoded as for a staging table and thrown away: a rehearsal's, which must not write. */
    static LinkRows discarding(BulkLoader.Load encoding) {
        return new LinkRows() {
            @Override
            public void write(String sourceLayer, String sourceId, String targetLayer, String targetId,
                              LinkRelation relation) {
                try {
                    encoding.write(new Object[] {sourceLayer, sourceId, targetLayer, targetId, relation.code()});
                } catch (SQLException e) {
                    throw new IllegalStateException("a load that sends nothing failed", e);
                }
            }

            @Override
            public void commit() {
                // nothing is kept
            }

            @Override
            public void abandon() {
                encoding.cancel();
            }

            @Override
            public void close() {
                // nothing was opened
            }
        };
    }
}

package org.changchun.layout.store.jdbc;

import java.time.Duration;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the store's reads made for a request (item pages, identify, coverage, tiles) run: on the
 * one database, or on a hot standby once it has replayed everything this process has seen of the
 * primary. Writes, and reads that feed a write, never come here: they use the primary's template.
 */
public interface ReadRoute {

    /**
     * Runs one read on a template bounded by the statement timeout. It may run twice (on the
     * primary after the standby failed it), so it must not write.
     */
    <T> T read(Function<JdbcTemplate, T> query);

    /**
     * Says this process has just seen the primary's state (read the catalog, committed a write,
     * heard of another process's write): from now on reads must see at least that state.
     */
    void sawPrimary();

    /** The reads of a store without a standby: everything runs on its one database. */
    static ReadRoute single(DataSource dataSource, Duration statementTimeout) {
        JdbcTemplate bounded = bounded(dataSource, statementTimeout);
        return new ReadRoute() {
            @Override
            public <T> T read(Function<JdbcTemplate, T> query) {
                return query.apply(bounded);
            }

            @Override
            public void sawPrimary() {
                // one database: every read sees every committed write
            }
        };
    }

    /** A template whose statements are cancelled after the statement timeout (at least a second). */
    static JdbcTemplate bounded(DataSource dataSource, Duration statementTimeout) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout((int) Math.max(1, statementTimeout.toSeconds()));
        return template;
    }
}

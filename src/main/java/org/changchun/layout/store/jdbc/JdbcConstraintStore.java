package org.changchun.layout.store.jdbc;

import java.time.OffsetDateTime;
import java.util.List;
import org.changchun.layout.compliance.ConstraintStore;
import org.changchun.layout.compliance.MarkedConstraint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Marked constraint layers in the {@code compliance_constraint} table; the same SQL on both stores. */
public final class JdbcConstraintStore implements ConstraintStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcConstraintStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<MarkedConstraint> all() {
        return jdbc.query("SELECT layer_id, rule, marked_by, marked_at FROM compliance_constraint ORDER BY layer_id",
                (rows, n) -> new MarkedConstraint(rows.getString("layer_id"), rows.getString("rule"),
                        rows.getString("marked_by"), rows.getObject("marked_at", OffsetDateTime.class)));
    }

    @Override
    public void save(MarkedConstraint constraint) {
        // delete and insert in one transaction: an upsert both dialects write the same way
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM compliance_constraint WHERE layer_id = ?", constraint.layer());
            jdbc.update("INSERT INTO compliance_constraint (layer_id, rule, marked_by, marked_at) VALUES (?, ?, ?, ?)",
                    constraint.layer(), constraint.rule(), constraint.markedBy(), constraint.markedAt());
        });
    }

    @Override
    public boolean delete(String layerId) {
        return jdbc.update("DELETE FROM compliance_constraint WHERE layer_id = ?", layerId) > 0;
    }
}

package org.changchun.layout.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.imports.JobRecord;
import org.changchun.layout.imports.JobStore;
import org.changchun.layout.store.WritePhase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import jobs in the {@code import_job} table; the same SQL on both stores. Progress is reported
 * from inside the import's own long transaction, whose connection is busy streaming rows: every
 * job update therefore commits on its own, which also lets other replicas see it at once.
 */
public final class JdbcJobStore implements JobStore {

    private static final String COLUMNS = "id, layer_id, state, phase, queued_behind, file_name, submitted_by, "
            + "features_total, features_done, features_per_second, report, error_zh, error_en, created_at, updated_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public JdbcJobStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void create(JobRecord job) {
        jdbc.update("INSERT INTO import_job (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                job.id(), job.layerId(), job.state(), job.phase(), job.queuedBehind(), job.fileName(), job.submittedBy(), job.featuresTotal(),
                job.featuresDone(), job.featuresPerSecond(), job.report(), job.errorZh(), job.errorEn(),
                job.createdAt(), job.updatedAt());
    }

    @Override
    public void begin(String id) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE import_job SET state = 'RUNNING', queued_behind = NULL, updated_at = ? WHERE id = ?", now(), id));
    }

    @Override
    public void alive(String id) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE import_job SET updated_at = ? WHERE id = ?", now(), id));
    }

    @Override
    public void progress(String id, long featuresDone, double featuresPerSecond) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE import_job SET features_done = ?, features_per_second = ?, updated_at = ? WHERE id = ?",
                featuresDone, featuresPerSecond, now(), id));
    }

    @Override
    public void phase(String id, WritePhase phase) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE import_job SET phase = ?, updated_at = ? WHERE id = ?", phase.name(), now(), id));
    }

    @Override
    public void finish(String id, String state, String report, String errorZh, String errorEn) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE import_job SET state = ?, queued_behind = NULL, report = ?, error_zh = ?, error_en = ?, updated_at = ? "
                        + "WHERE id = ?",
                state, report, errorZh, errorEn, now(), id));
    }

    @Override
    public Optional<JobRecord> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM import_job WHERE id = ?", this::job, id).stream().findFirst();
    }

    @Override
    public List<JobRecord> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM import_job ORDER BY created_at DESC LIMIT ?", this::job, limit);
    }

    @Override
    public int failStale(OffsetDateTime before, String reasonZh, String reasonEn) {
        return jdbc.update("UPDATE import_job SET state = 'FAILED', queued_behind = NULL, error_zh = ?, error_en = ?, "
                + "updated_at = ? WHERE state IN ('QUEUED', 'RUNNING') AND updated_at < ?", reasonZh, reasonEn, now(), before);
    }

    private JobRecord job(ResultSet rows, int rowNumber) throws SQLException {
        long total = rows.getLong("features_total");
        Long featuresTotal = rows.wasNull() ? null : total;
        double rate = rows.getDouble("features_per_second");
        Double featuresPerSecond = rows.wasNull() ? null : rate;
        return new JobRecord(rows.getString("id"), rows.getString("layer_id"), rows.getString("state"),
                rows.getString("phase"), rows.getString("queued_behind"), rows.getString("file_name"), rows.getString("submitted_by"), featuresTotal,
                rows.getLong("features_done"), featuresPerSecond, rows.getString("report"), rows.getString("error_zh"),
                rows.getString("error_en"), rows.getObject("created_at", OffsetDateTime.class),
                rows.getObject("updated_at", OffsetDateTime.class));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

package org.changchun.layout.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.changchun.layout.indicators.Observation;
import org.changchun.layout.indicators.ObservationKey;
import org.changchun.layout.indicators.ObservationStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indicators' figures in {@code indicator_observation}; the same SQL on both stores. Every
 * write first bumps the revision in {@code indicator_state}, whose row lock then holds other
 * writers (of this replica or another) until it commits, so an update-or-insert never races.
 */
public final class JdbcObservationStore implements ObservationStore {

    private static final String COLUMNS = "indicator_id, obs_year, area_code, obs_value, source, sample, recorded_at, "
            + "recorded_by";
    private static final String KEY = "indicator_id = ? AND obs_year = ? AND area_code = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcObservationStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<Observation> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM indicator_observation ORDER BY indicator_id, area_code, obs_year",
                JdbcObservationStore::observation);
    }

    @Override
    public List<Observation> of(String indicatorId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM indicator_observation WHERE indicator_id = ?"
                + " ORDER BY area_code, obs_year", JdbcObservationStore::observation, indicatorId);
    }

    @Override
    public Optional<Observation> find(ObservationKey key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM indicator_observation WHERE " + KEY,
                JdbcObservationStore::observation, key.indicator(), key.year(), key.area()).stream().findFirst();
    }

    @Override
    public void write(List<Observation> figures, List<ObservationKey> removals) {
        transactions.executeWithoutResult(status -> {
            bumpRevision();
            for (Observation figure : figures) {
                upsert(figure);
            }
            for (ObservationKey key : removals) {
                jdbc.update("DELETE FROM indicator_observation WHERE " + KEY, key.indicator(), key.year(), key.area());
            }
        });
    }

    @Override
    public long revision() {
        Long revision = jdbc.queryForObject("SELECT revision FROM indicator_state WHERE id = 1", Long.class);
        return Objects.requireNonNull(revision, "indicator_state has its row from the migration");
    }

    @Override
    public Optional<String> baselineChecksum() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT baseline_checksum FROM indicator_state WHERE id = 1",
                String.class));
    }

    @Override
    public void replaceBaseline(String checksum, List<Observation> figures) {
        transactions.executeWithoutResult(status -> {
            bumpRevision();
            if (baselineChecksum().filter(checksum::equals).isPresent()) {
                return;
            }
            jdbc.update("DELETE FROM indicator_observation WHERE recorded_by IS NULL");
            Set<ObservationKey> recordedByEditors = new HashSet<>();
            jdbc.query("SELECT indicator_id, obs_year, area_code FROM indicator_observation", (ResultSet rows) -> {
                recordedByEditors.add(new ObservationKey(rows.getString(1), rows.getInt(2), rows.getString(3)));
            });
            List<Object[]> inserts = new ArrayList<>();
            for (Observation figure : figures) {
                if (!recordedByEditors.contains(figure.key())) {
                    inserts.add(values(figure));
                }
            }
            jdbc.batchUpdate("INSERT INTO indicator_observation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts);
            jdbc.update("UPDATE indicator_state SET baseline_checksum = ? WHERE id = 1", checksum);
        });
    }

    private void bumpRevision() {
        jdbc.update("UPDATE indicator_state SET revision = revision + 1 WHERE id = 1");
    }

    private void upsert(Observation figure) {
        int updated = jdbc.update("UPDATE indicator_observation SET obs_value = ?, source = ?, sample = ?, recorded_at = ?,"
                        + " recorded_by = ? WHERE " + KEY, figure.value(), figure.source(), figure.sample(),
                recordedAt(figure), figure.recordedBy(), figure.indicator(), figure.year(), figure.area());
        if (updated == 0) {
            jdbc.update("INSERT INTO indicator_observation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    values(figure));
        }
    }

    private static Object[] values(Observation figure) {
        return new Object[] {figure.indicator(), figure.year(), figure.area(), figure.value(), figure.source(),
            figure.sample(), recordedAt(figure), figure.recordedBy()};
    }

    private static OffsetDateTime recordedAt(Observation figure) {
        return figure.recordedAt() == null ? OffsetDateTime.now(ZoneOffset.UTC) : figure.recordedAt();
    }

    private static Observation observation(ResultSet rows, int rowNumber) throws SQLException {
        return new Observation(rows.getString("indicator_id"), rows.getInt("obs_year"), rows.getString("area_code"),
                rows.getDouble("obs_value"), rows.getString("source"), rows.getBoolean("sample"),
                rows.getObject("recorded_at", OffsetDateTime.class), rows.getString("recorded_by"));
    }
}

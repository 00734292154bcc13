package org.changchun.layout.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.changchun.layout.security.AccessStore;
import org.changchun.layout.security.Account;
import org.changchun.layout.security.ApiKeyRecord;
import org.changchun.layout.security.AuditEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Accounts, keys and audit events in their tables; the same SQL on both stores. */
public final class JdbcAccessStore implements AccessStore {

    private final JdbcTemplate jdbc;
    private final SpatialDialect dialect;

    public JdbcAccessStore(JdbcTemplate jdbc, SpatialDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public Optional<Account> account(String username) {
        return jdbc.query("SELECT username, password_hash, roles, enabled, created_at FROM account WHERE username = ?",
                (RowMapper<Account>) this::account, username).stream().findFirst();
    }

    @Override
    public List<Account> accounts() {
        return jdbc.query("SELECT username, password_hash, roles, enabled, created_at FROM account ORDER BY username",
                (RowMapper<Account>) this::account);
    }

    @Override
    public void saveAccount(Account account) {
        int updated = jdbc.update("UPDATE account SET password_hash = ?, roles = ?, enabled = ? WHERE username = ?",
                account.passwordHash(), roles(account.roles()), account.enabled(), account.username());
        if (updated == 0) {
            jdbc.update("INSERT INTO account (username, password_hash, roles, enabled, created_at) VALUES (?, ?, ?, ?, ?)",
                    account.username(), account.passwordHash(), roles(account.roles()), account.enabled(),
                    account.createdAt());
        }
    }

    @Override
    public boolean hasEnabledAdmin() {
        return accounts().stream().anyMatch(a -> a.enabled() && a.roles().contains("ADMIN"));
    }

    @Override
    public void createKey(ApiKeyRecord key) {
        jdbc.update("INSERT INTO api_key (id, key_hash, name, roles, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                key.id(), key.keyHash(), key.name(), roles(key.roles()), key.createdBy(), key.createdAt());
    }

    @Override
    public Optional<ApiKeyRecord> keyByHash(String keyHash) {
        return jdbc.query("SELECT id, key_hash, name, roles, created_by, created_at, revoked_at, last_used_at "
                + "FROM api_key WHERE key_hash = ?", (RowMapper<ApiKeyRecord>) this::key, keyHash).stream().findFirst();
    }

    @Override
    public List<ApiKeyRecord> keys() {
        return jdbc.query("SELECT id, key_hash, name, roles, created_by, created_at, revoked_at, last_used_at "
                + "FROM api_key ORDER BY created_at DESC", (RowMapper<ApiKeyRecord>) this::key);
    }

    @Override
    public boolean revokeKey(String id) {
        return jdbc.update("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now(), id) > 0;
    }

    @Override
    public void keyUsed(String id) {
        jdbc.update("UPDATE api_key SET last_used_at = ? WHERE id = ?", now(), id);
    }

    @Override
    public void audit(String actor, String method, String path, int status, String detail, String layerId) {
        Long id = jdbc.queryForObject(dialect.nextValue("audit_event_seq"), Long.class);
        jdbc.update("INSERT INTO audit_event (id, at, actor, method, path, status, detail, layer_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id, now(), actor, method, path.length() > 2000 ? path.substring(0, 2000) : path, status, detail,
                layerId);
    }

    @Override
    public List<AuditEvent> auditEvents(int limit) {
        return jdbc.query("SELECT id, at, actor, method, path, status, detail, layer_id FROM audit_event"
                        + " ORDER BY id DESC LIMIT ?",
                (rows, n) -> new AuditEvent(rows.getLong(1), rows.getObject(2, OffsetDateTime.class), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getInt(6), rows.getString(7), rows.getString(8)),
                limit);
    }

    private Account account(ResultSet rows, int rowNumber) throws SQLException {
        return new Account(rows.getString(1), rows.getString(2), roles(rows.getString(3)), rows.getBoolean(4),
                rows.getObject(5, OffsetDateTime.class));
    }

    private ApiKeyRecord key(ResultSet rows, int rowNumber) throws SQLException {
        return new ApiKeyRecord(rows.getString(1), rows.getString(2), rows.getString(3), roles(rows.getString(4)),
                rows.getString(5), rows.getObject(6, OffsetDateTime.class), rows.getObject(7, OffsetDateTime.class),
                rows.getObject(8, OffsetDateTime.class));
    }

    private static String roles(Set<String> roles) {
        return roles.stream().sorted().collect(Collectors.joining(","));
    }

    private static Set<String> roles(String roles) {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

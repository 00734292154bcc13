package org.changchun.layout.security;

import java.util.List;
import java.util.Optional;

/** Accounts, API keys and the audit trail, kept in the store so every replica sees the same. */
public interface AccessStore {

    Optional<Account> account(String username);

    List<Account> accounts();

    /** Adds the account or replaces the one with the same name. */
    void saveAccount(Account account);

    boolean hasEnabledAdmin();

    void createKey(ApiKeyRecord key);

    /** The key with this hash, revoked or not. */
    Optional<ApiKeyRecord> keyByHash(String keyHash);

    List<ApiKeyRecord> keys();

    /** @return false if there is no such key or it was revoked already */
    boolean revokeKey(String id);

    void keyUsed(String id);

    /** @param layerId the layer the request changed, if it names one; null otherwise */
    void audit(String actor, String method, String path, int status, String detail, String layerId);

    /** Records a request that changed no layer. */
    default void audit(String actor, String method, String path, int status, String detail) {
        audit(actor, method, path, status, detail, null);
    }

    /** The newest events first. */
    List<AuditEvent> auditEvents(int limit);
}

package org.changchun.layout.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * API keys for machine clients: {@code ccp_<id>_<secret>}, shown once when created; the store
 * keeps only a SHA-256 of the whole key (a key is long and random, so a fast hash is enough) and
 * looks it up on every request, so a revoked key is refused at once, on every replica.
 */
@Component
class ApiKeys {

    static final String PREFIX = "ccp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessStore store;

    ApiKeys(AccessStore store) {
        this.store = store;
    }

    /** A new key, its plain text returned this once. */
    record Created(ApiKeyRecord record, String key) {
    }

    Created create(String name, Set<String> roles, String createdBy) {
        String id = random(6);
        String key = PREFIX + id + "_" + random(24);
        ApiKeyRecord record = new ApiKeyRecord(id, hash(key), name, roles, createdBy,
                OffsetDateTime.now(ZoneOffset.UTC), null, null);
        store.createKey(record);
        return new Created(record, key);
    }

    /** The live key this text is, if any; revoked and unknown keys are empty. */
    Optional<ApiKeyRecord> authenticate(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 200) {
            return Optional.empty();
        }
        return store.keyByHash(hash(key)).filter(record -> !record.revoked());
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).replace('_', 'x').replace('-', 'y');
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

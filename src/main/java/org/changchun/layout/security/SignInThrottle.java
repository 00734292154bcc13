package org.changchun.layout.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins in a row, per account (passwords) and per client address (passwords and
 * API keys), and says how long the next attempt must wait ({@link SignInThrottleProperties}).
 * Failures are recorded in the audit trail. The counts live in memory, bounded and forgotten after
 * a quiet while, so each replica counts the attempts it sees: behind a load balancer spreading
 * requests over n replicas, a guesser gets up to n times the failures before waiting.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    /** Account names are at most 100 characters (AdminController); longer keys would only cost memory. */
    private static final int ACCOUNT_KEY_LENGTH = 100;
    /** 2^30 times the first wait is beyond any cap worth setting; stops the doubling overflowing. */
    private static final int MAX_DOUBLINGS = 30;

    /** Failures in a row and when the last one was, in the ticker's nanoseconds. */
    private record Failures(int count, long lastNanos) {
    }

    private final SignInThrottleProperties properties;
    private final AccessStore audit;
    private final Ticker ticker;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;

    @Autowired
    SignInThrottle(SignInThrottleProperties properties, AccessStore audit) {
        this(properties, audit, Ticker.systemTicker());
    }

    /** @param ticker the clock of waits and of forgetting, in nanoseconds (a test's own) */
    SignInThrottle(SignInThrottleProperties properties, AccessStore audit, Ticker ticker) {
        this.properties = properties;
        this.audit = audit;
        this.ticker = ticker;
        this.accounts = counts(properties, ticker);
        this.addresses = counts(properties, ticker);
    }

    private static Cache<String, Failures> counts(SignInThrottleProperties properties, Ticker ticker) {
        return Caffeine.newBuilder().maximumSize(properties.maxTracked()).expireAfterWrite(properties.forgetAfter())
                .ticker(ticker).build();
    }

    /** How long a password sign-in for this account from there must still wait; empty if it may be checked now. */
    Optional<Duration> passwordWait(String account, SignInAttempt attempt) {
        return longer(remaining(accounts, accountKey(account), properties.accountFailures()), addressWait(attempt));
    }

    /** How long an API key from there must still wait; empty if it may be checked now. */
    Optional<Duration> keyWait(SignInAttempt attempt) {
        return addressWait(attempt);
    }

    private Optional<Duration> addressWait(SignInAttempt attempt) {
        return remaining(addresses, attempt.clientAddress(), properties.addressFailures());
    }

    void passwordFailed(String account, SignInAttempt attempt) {
        int forAccount = failed(accounts, accountKey(account));
        int fromAddress = failed(addresses, attempt.clientAddress());
        Duration wait = longer(wait(forAccount, properties.accountFailures()),
                wait(fromAddress, properties.addressFailures())).orElse(Duration.ZERO);
        recordFailure(attempt, "sign-in refused for '" + accountKey(account) + "' from " + attempt.clientAddress()
                + " (failures in a row: " + forAccount + " for the account, " + fromAddress + " from the address)", wait);
    }

    void keyFailed(SignInAttempt attempt) {
        int fromAddress = failed(addresses, attempt.clientAddress());
        Duration wait = wait(fromAddress, properties.addressFailures()).orElse(Duration.ZERO);
        recordFailure(attempt, "unknown or revoked API key from " + attempt.clientAddress() + " (failures in a row: "
                + fromAddress + " from the address)", wait);
    }

    void passwordSucceeded(String account, SignInAttempt attempt) {
        accounts.invalidate(accountKey(account));
        addresses.invalidate(attempt.clientAddress());
    }

    void keySucceeded(SignInAttempt attempt) {
        addresses.invalidate(attempt.clientAddress());
    }

    private int failed(Cache<String, Failures> counts, String key) {
        long now = ticker.read();
        return counts.asMap().merge(key, new Failures(1, now),
                (before, one) -> new Failures(before.count() + 1, now)).count();
    }

    private Optional<Duration> remaining(Cache<String, Failures> counts, String key, int allowed) {
        Failures failures = counts.getIfPresent(key);
        if (failures == null) {
            return Optional.empty();
        }
        return wait(failures.count(), allowed)
                .map(wait -> wait.minusNanos(ticker.read() - failures.lastNanos()))
                .filter(left -> !left.isNegative() && !left.isZero());
    }

    /** The wait the {@code failures}th failure in a row imposes: none before the allowed number, then doubling to the cap. */
    private Optional<Duration> wait(int failures, int allowed) {
        if (failures < allowed) {
            return Optional.empty();
        }
        Duration wait = properties.firstWait().multipliedBy(1L << Math.min(failures - allowed, MAX_DOUBLINGS));
        return Optional.of(wait.compareTo(properties.maxWait()) > 0 ? properties.maxWait() : wait);
    }

    private void recordFailure(SignInAttempt attempt, String what, Duration wait) {
        String detail = wait.isZero() ? what : what + "; the next attempt waits " + wait.toMillis() + " ms";
        if (!wait.isZero()) {
            log.warn("Throttling sign-ins: {}", detail);
        }
        try {
            audit.audit(null, attempt.method(), attempt.path(), 401, detail);
        } catch (RuntimeException e) {
            log.error("Could not record a refused sign-in in the audit trail: {}", detail, e);
        }
    }

    private static Optional<Duration> longer(Optional<Duration> one, Optional<Duration> other) {
        if (one.isEmpty()) {
            return other;
        }
        return other.isEmpty() || one.get().compareTo(other.get()) >= 0 ? one : other;
    }

    /** Names differ in case or control characters only to get counts of their own: they share one. */
    private static String accountKey(String account) {
        String name = account == null ? "" : account.replaceAll("\\p{Cntrl}", "?").toLowerCase(Locale.ROOT);
        return name.length() > ACCOUNT_KEY_LENGTH ? name.substring(0, ACCOUNT_KEY_LENGTH) : name;
    }
}

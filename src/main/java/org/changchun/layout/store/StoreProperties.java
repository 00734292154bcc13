package org.changchun.layout.store;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the feature store ({@code plan.store.*}). Which store is used is not one of
 * them: it follows from {@code spring.datasource.url}.
 *
 * @param keptPreviousVersions    how many replaced versions of each layer stay restorable and
 *                                comparable (the most recently replaced ones)
 * @param previousVersionsMaxAge  how long a replaced version is kept at most, counted from when it
 *                                stopped being current; unset: as long as the count allows
 * @param abandonedAfter          how long an unfinished layer write may go without progress before
 *                                it is taken for dead and cleaned up
 * @param statementTimeout     how long one query on behalf of a request (items, coverage, tiles)
 *                             may run before it is cancelled and the request refused; writes are
 *                             not bounded by it
 * @param readUrl              a PostgreSQL hot standby of the primary ({@code jdbc:postgresql:}),
 *                             where reads made for requests go once it has caught up; unset: none
 * @param readUsername         its user; unset or empty: the primary's
 * @param readPassword         its password; unset or empty: the primary's
 */
@Validated
@ConfigurationProperties("plan.store")
public record StoreProperties(@Min(0) int keptPreviousVersions, Duration previousVersionsMaxAge,
                              @NotNull Duration abandonedAfter, @NotNull Duration statementTimeout,
                              String readUrl, String readUsername, String readPassword) {

    /** The age limit, when one is set. */
    public Optional<Duration> previousVersionsMaxAgeLimit() {
        return Optional.ofNullable(previousVersionsMaxAge);
    }

    /** The read standby's address, when one is set. */
    public Optional<String> readStandbyUrl() {
        return set(readUrl);
    }

    /** The read standby's user, when it is not the primary's. */
    public Optional<String> readStandbyUsername() {
        return set(readUsername);
    }

    /** The read standby's password, when it is not the primary's. */
    public Optional<String> readStandbyPassword() {
        return set(readPassword);
    }

    /** Empty also when set to nothing, as {@code ${PLAN_DB_READ_URL:}} is when the variable is unset. */
    private static Optional<String> set(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}

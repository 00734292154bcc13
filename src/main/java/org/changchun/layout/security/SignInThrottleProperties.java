package org.changchun.layout.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.validation.annotation.Validated;

/**
 * How failed sign-ins slow the next ones ({@code plan.security.sign-in-throttle.*}). After
 * {@code accountFailures} wrong passwords in a row for one account, or {@code addressFailures}
 * refused passwords or API keys in a row from one client address, the next attempt waits
 * {@code firstWait}, and each further failure doubles the wait up to {@code maxWait}; attempts
 * during a wait are answered 429 without being checked. A success resets the count.
 *
 * @param accountFailures failed sign-ins in a row for one account before it must wait (default 5)
 * @param addressFailures failed sign-ins or API keys in a row from one client address before it
 *                        must wait (default 20: an office behind one NAT address shares it)
 * @param firstWait       the first wait (default 1 s)
 * @param maxWait         the longest wait (default 15 min)
 * @param forgetAfter     a count that has seen no failure for this long starts again from nothing
 *                        (default 1 h; at least {@code maxWait})
 * @param maxTracked      accounts, and client addresses, whose counts are kept in memory; beyond,
 *                        the least recently failed are forgotten (default 100,000 each, a few tens
 *                        of MB at most)
 * @param trustedProxies  IP addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For}
 *                        is believed (default 127.0.0.0/8 and ::1, this machine: the front door relays
 *                        from there, and a proxy on the same host); an empty list believes none
 */
@Validated
@ConfigurationProperties("plan.security.sign-in-throttle")
public record SignInThrottleProperties(
        @Min(1) Integer accountFailures,
        @Min(1) Integer addressFailures,
        @DurationMin(millis = 1) Duration firstWait,
        Duration maxWait,
        Duration forgetAfter,
        @Min(1) Long maxTracked,
        List<String> trustedProxies) {

    public SignInThrottleProperties {
        accountFailures = accountFailures == null ? 5 : accountFailures;
        addressFailures = addressFailures == null ? 20 : addressFailures;
        firstWait = firstWait == null ? Duration.ofSeconds(1) : firstWait;
        maxWait = maxWait == null ? Duration.ofMinutes(15) : maxWait;
        forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
        maxTracked = maxTracked == null ? 100_000L : maxTracked;
        trustedProxies = trustedProxies == null ? List.of("127.0.0.0/8", "::1") : List.copyOf(trustedProxies);
    }

    /** A count forgotten before its wait is over would end the wait early. */
    @AssertTrue(message = "first-wait must not exceed max-wait, nor max-wait forget-after")
    public boolean isWaitsInOrder() {
        return firstWait.compareTo(maxWait) <= 0 && maxWait.compareTo(forgetAfter) <= 0;
    }

    @AssertTrue(message = "trusted-proxies must be IP addresses or CIDR ranges, such as 10.0.0.5 or 10.0.0.0/24")
    public boolean isTrustedProxiesValid() {
        try {
            trustedProxies.forEach(IpAddressMatcher::new);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

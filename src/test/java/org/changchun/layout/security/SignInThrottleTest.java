package org.changchun.layout.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** The throttle's arithmetic on a clock of its own: thresholds, doubling waits, the cap, resets, forgetting. */
class SignInThrottleTest {

    private static final SignInAttempt FROM_A = new SignInAttempt("203.0.113.7", "POST", "/api/session");
    private static final SignInAttempt FROM_B = new SignInAttempt("198.51.100.2", "POST", "/api/session");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<String> audited = new ArrayList<>();
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottleProperties(3, 5, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1),
                    1000L, null), auditTrail(audited), nanos::get);

    @Test
    void anAccountWaitsAfterItsFailuresTwiceAsLongEachTimeUpToTheCap() {
        fail("editor", FROM_A, 2);
        assertThat(throttle.passwordWait("editor", FROM_A)).isEmpty();
        fail("editor", FROM_A, 1);
        assertThat(throttle.passwordWait("editor", FROM_A)).contains(Duration.ofSeconds(1));
        assertThat(throttle.passwordWait("editor", FROM_B)).as("from anywhere").contains(Duration.ofSeconds(1));
        assertThat(throttle.passwordWait("Editor", FROM_B)).as("in any case").contains(Duration.ofSeconds(1));
        assertThat(throttle.passwordWait("planner", FROM_B)).as("another account elsewhere").isEmpty();

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            advance(throttle.passwordWait("editor", FROM_B).orElseThrow());
            assertThat(throttle.passwordWait("editor", FROM_B)).isEmpty();
            fail("editor", FROM_B, 1);
            waits.add(throttle.passwordWait("editor", FROM_B).orElseThrow());
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
        advance(Duration.ofSeconds(3));
        assertThat(throttle.passwordWait("editor", FROM_B)).contains(Duration.ofSeconds(7));
    }

    @Test
    void aSuccessResetsTheAccountAndTheAddress() {
        fail("editor", FROM_A, 2);
        throttle.passwordSucceeded("editor", FROM_A);
        fail("editor", FROM_A, 2);
        assertThat(throttle.passwordWait("editor", FROM_A)).isEmpty();
        fail("editor", FROM_A, 1);
        assertThat(throttle.passwordWait("editor", FROM_A)).isPresent();
    }

    @Test
    void anAddressWaitsAfterFailuresForAnyAccountAndForApiKeys() {
        fail("a", FROM_A, 1);
        fail("b", FROM_A, 1);
        throttle.keyFailed(FROM_A);
        throttle.keyFailed(FROM_A);
        assertThat(throttle.keyWait(FROM_A)).isEmpty();
        fail("c", FROM_A, 1);
        assertThat(throttle.keyWait(FROM_A)).contains(Duration.ofSeconds(1));
        assertThat(throttle.passwordWait("d", FROM_A)).contains(Duration.ofSeconds(1));
        assertThat(throttle.passwordWait("d", FROM_B)).isEmpty();
        advance(Duration.ofSeconds(1));
        throttle.keySucceeded(FROM_A);
        assertThat(throttle.keyWait(FROM_A)).isEmpty();
    }

    @Test
    void countsWithoutFailuresForAWhileAreForgotten() {
        fail("editor", FROM_A, 2);
        advance(Duration.ofMinutes(2));
        fail("editor", FROM_A, 2);
        assertThat(throttle.passwordWait("editor", FROM_A)).isEmpty();
    }

    @Test
    void everyFailureIsAuditedAndTheOneThatStartsAWaitSaysHowLong() {
        fail("editor", FROM_A, 3);
        throttle.keyFailed(FROM_B);
        assertThat(audited).hasSize(4);
        assertThat(audited.get(0)).isEqualTo("POST /api/session 401 sign-in refused for 'editor' from 203.0.113.7 "
                + "(failures in a row: 1 for the account, 1 from the address)");
        assertThat(audited.get(2)).endsWith("(failures in a row: 3 for the account, 3 from the address); "
                + "the next attempt waits 1000 ms");
        assertThat(audited.get(3)).contains("API key from 198.51.100.2");
    }

    @Test
    void settingsAreCheckedAtStartUp() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Settings.class);
        context.run(app -> assertThat(app.getBean(SignInThrottleProperties.class))
                .isEqualTo(new SignInThrottleProperties(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15),
                        Duration.ofHours(1), 100_000L, List.of("127.0.0.0/8", "::1"))));
        context.withPropertyValues("plan.security.sign-in-throttle.max-wait=2h").run(app -> assertThat(app)
                .hasFailed().getFailure().rootCause().hasMessageContaining("max-wait"));
        context.withPropertyValues("plan.security.sign-in-throttle.trusted-proxies=proxy.example.org").run(app ->
                assertThat(app).hasFailed().getFailure().rootCause().hasMessageContaining("CIDR"));
        context.withPropertyValues("plan.security.sign-in-throttle.account-failures=0").run(app ->
                assertThat(app).hasFailed());
    }

    @EnableConfigurationProperties(SignInThrottleProperties.class)
    static class Settings {
    }

    private void fail(String account, SignInAttempt attempt, int times) {
        for (int i = 0; i < times; i++) {
            throttle.passwordFailed(account, attempt);
        }
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    /** An audit trail that keeps "method path status detail" lines; nothing else of the store is used. */
    private static AccessStore auditTrail(List<String> lines) {
        return (AccessStore) Proxy.newProxyInstance(AccessStore.class.getClassLoader(), new Class<?>[] {AccessStore.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("audit")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    lines.add(args[1] + " " + args[2] + " " + args[3] + " " + args[4]);
                    return null;
                });
    }
}

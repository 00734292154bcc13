package org.changchun.layout.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guessing passwords (HTTP Basic and the page's form sign-in) and API keys is slowed: after a few
 * failures in a row an account, or a client address, must wait, and is answered 429 with
 * Retry-After, even with the right password, until the wait is over; a success resets the count.
 * Short waits are configured so the test sees the recovery. No proxy is trusted here, so a forged
 * X-Forwarded-For does not make a new address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.security.users[1].name=surveyor",
    "plan.security.users[1].password={noop}surveyor-secret",
    "plan.security.users[1].roles=EDITOR",
    "plan.security.users[2].name=planner",
    "plan.security.users[2].password={noop}planner-secret",
    "plan.security.users[2].roles=EDITOR",
    "plan.security.bootstrap-admin.name=chief",
    "plan.security.bootstrap-admin.password=a-long-admin-secret",
    "plan.security.sign-in-throttle.account-failures=3",
    "plan.security.sign-in-throttle.address-failures=6",
    "plan.security.sign-in-throttle.first-wait=400ms",
    "plan.security.sign-in-throttle.max-wait=800ms",
    "plan.security.sign-in-throttle.trusted-proxies="})
class PasswordGuessingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void basicSignInsWaitAfterWrongPasswordsAndRecoverAfterTheWait() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(basic("editor", "guess-" + i).status()).isEqualTo(401);
        }
        Http.Response throttled = basic("editor", "editor-secret");
        assertThrottled(throttled);

        Thread.sleep(Long.parseLong(throttled.header("Retry-After")) * 1000);
        assertThat(basic("editor", "editor-secret").status()).as("the right password after the wait").isEqualTo(200);
        assertThat(basic("editor", "guess").status()).as("the success reset the count").isEqualTo(401);
        assertThat(basic("editor", "editor-secret").status()).isEqualTo(200);
    }

    @Test
    void aSuccessResetsTheCount() {
        for (int round = 0; round < 3; round++) {
            assertThat(basic("surveyor", "guess-a").status()).isEqualTo(401);
            assertThat(basic("surveyor", "guess-b").status()).isEqualTo(401);
            assertThat(basic("surveyor", "surveyor-secret").status()).as("round " + round).isEqualTo(200);
        }
    }

    @Test
    void theFormSignInWaitsTooAndTheFailuresAreAudited() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/me")).build(), HttpResponse.BodyHandlers.ofString());
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(browser, token, "planner", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = signIn(browser, token, "planner", "planner-secret");
        assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
        assertThat(JSON.readTree(throttled.body()).get("message_en").asString()).contains("retry in 1 second");

        Thread.sleep(1000);
        assertThat(signIn(browser, token, "planner", "planner-secret").statusCode()).isEqualTo(200);

        List<String> details = new ArrayList<>();
        http.send("GET", "/api/admin/audit?limit=200", null, null, "Authorization", Http.basic("chief", "a-long-admin-secret"))
                .json().forEach(event -> details.add(event.get("method").asString() + " " + event.get("path").asString()
                        + " " + event.get("status").asInt() + " " + (event.has("detail") ? event.get("detail").asString() : "")));
        assertThat(details).contains("POST /api/session 401 sign-in refused for 'planner' from 127.0.0.1 (failures in a row: "
                + "3 for the account, 3 from the address); the next attempt waits 400 ms");
    }

    @Test
    void anAddressGuessingApiKeysOrManyAccountsWaitsWhateverItClaimsInXForwardedFor() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(http.send("GET", "/ogc/collections", null, null, "X-API-Key", "ccp_guess_" + i,
                    "X-Forwarded-For", "198.51.100." + i).status()).isEqualTo(401);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(http.send("GET", "/ogc/collections", null, null, "Authorization", Http.basic("nobody-" + i, "guess"),
                    "X-Forwarded-For", "203.0.113." + i).status()).isEqualTo(401);
        }
        Http.Response key = http.send("GET", "/ogc/collections", null, null, "X-API-Key", "ccp_guess_9",
                "X-Forwarded-For", "192.0.2.1");
        assertThrottled(key);
        assertThrottled(basic("nobody-else", "guess"));

        Thread.sleep(Long.parseLong(key.header("Retry-After")) * 1000);
        assertThat(basic("editor", "editor-secret").status()).isEqualTo(200);
        assertThat(http.send("GET", "/ogc/collections", null, null, "X-API-Key", "ccp_guess_10").status())
                .as("the success reset the address").isEqualTo(401);
        assertThat(basic("editor", "editor-secret").status()).isEqualTo(200);
    }

    private Http.Response basic(String user, String password) {
        return http.send("GET", "/ogc/collections", null, null, "Authorization", Http.basic(user, password));
    }

    private HttpResponse<String> signIn(HttpClient browser, String token, String user, String password) throws Exception {
        String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/session"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertThrottled(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("message_zh").asString()).isEqualTo("登录失败次数过多（该账号或该地址），请在 1 秒后重试");
        assertThat(problem.get("message_en").asString())
                .isEqualTo("too many failed sign-ins for this account or from this address; retry in 1 second");
    }
}

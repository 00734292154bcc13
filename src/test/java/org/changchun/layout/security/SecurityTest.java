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

/** Who may change what, over HTTP: Basic, API keys, the page's session with CSRF, admins, the audit trail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.security.bootstrap-admin.name=chief",
    "plan.security.bootstrap-admin.password=a-long-admin-secret"})
class SecurityTest {

    private static final String EDITOR = Http.basic("editor", "editor-secret");
    private static final String ADMIN = Http.basic("chief", "a-long-admin-secret");
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
    void anonymousWritesAreRefusedAndPagesAreNotChallenged() {
        Http.Response anonymous = http.send("POST", "/ogc/collections/projects/items", project("anon"), "application/geo+json");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"changchun-plan\"");
        Http.Response fromPage = http.send("POST", "/ogc/collections/projects/items", project("anon"),
                "application/geo+json", "X-Requested-With", "XMLHttpRequest");
        assertThat(fromPage.status()).isEqualTo(401);
        assertThat(fromPage.header("WWW-Authenticate")).isNull();
        assertThat(http.send("POST", "/ogc/collections/projects/items", project("by-editor"), "application/geo+json",
                "Authorization", EDITOR).status()).isEqualTo(201);
        assertThat(http.send("GET", "/api/admin/keys", null, null, "Authorization", EDITOR).status()).isEqualTo(403);
    }

    @Test
    void adminsManageAccountsAndKeysAndARevokedKeyIsRefusedAtOnce() {
        Http.Response account = http.send("PUT", "/api/admin/accounts/surveyor",
                "{\"username\": \"surveyor\", \"password\": \"surveyor-password-1\", \"roles\": [\"EDITOR\"]}",
                "application/json", "Authorization", ADMIN);
        assertThat(account.status()).as(account.body()).isEqualTo(200);
        assertThat(http.send("POST", "/ogc/collections/projects/items", project("by-surveyor"), "application/geo+json",
                "Authorization", Http.basic("surveyor", "surveyor-password-1")).status()).isEqualTo(201);
        assertThat(http.send("PUT", "/api/admin/accounts/weak",
                "{\"username\": \"weak\", \"password\": \"short\", \"roles\": [\"EDITOR\"]}", "application/json",
                "Authorization", ADMIN).status()).isEqualTo(400);

        Http.Response created = http.send("POST", "/api/admin/keys", "{\"name\": \"dashboard\", \"roles\": [\"EDITOR\"]}",
                "application/json", "Authorization", ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asString();
        String id = created.json().get("api_key").get("id").asString();
        assertThat(key).startsWith("ccp_" + id + "_");
        assertThat(http.send("POST", "/ogc/collections/projects/items", project("by-key"), "application/geo+json",
                "X-API-Key", key).status()).isEqualTo(201);
        assertThat(http.send("GET", "/api/admin/keys", null, null, "Authorization", ADMIN).json().toString())
                .contains("dashboard").doesNotContain(key);

        assertThat(http.send("DELETE", "/api/admin/keys/" + id, null, null, "Authorization", ADMIN).status()).isEqualTo(204);
        Http.Response revoked = http.send("DELETE", "/ogc/collections/projects/items/by-key", null, null, "X-API-Key", key);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("message_en").asString()).contains("revoked");
        assertThat(http.send("GET", "/ogc/collections/projects/items?limit=1", null, null, "X-API-Key", "ccp_nonsense")
                .status()).isEqualTo(401);
    }

    @Test
    void everyWriteIsRecordedInTheAuditTrail() {
        http.send("POST", "/ogc/collections/projects/items", project("audited"), "application/geo+json",
                "Authorization", EDITOR);
        http.send("DELETE", "/ogc/collections/projects/items/audited", null, null);
        JsonNode audit = http.send("GET", "/api/admin/audit?limit=50", null, null, "Authorization", ADMIN).json();
        List<String> events = new ArrayList<>();
        audit.forEach(e -> events.add((e.has("actor") ? e.get("actor").asString() : "-") + " " + e.get("method").asString() + " "
                + e.get("path").asString() + " " + e.get("status").asInt()));
        assertThat(events).contains("editor POST /ogc/collections/projects/items 201",
                "- DELETE /ogc/collections/projects/items/audited 401");
        assertThat(events).noneMatch(e -> e.contains("/api/coverage"));
    }

    @Test
    void thePageSignsInWithASessionAndMustSendItsCsrfToken() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = http.base();
        JsonNode me = JSON.readTree(get(browser, base + "/api/me"));
        assertThat(me.get("authenticated").asBoolean()).isFalse();
        assertThat(me.get("csrf_header").asString()).isEqualTo("X-XSRF-TOKEN");
        String token = cookie(cookies, "XSRF-TOKEN");

        String form = "username=editor&password=" + URLEncoder.encode("editor-secret", StandardCharsets.UTF_8);
        assertThat(post(browser, base + "/api/session", form, "application/x-www-form-urlencoded", null).statusCode())
                .as("sign-in without the CSRF token").isEqualTo(403);
        HttpResponse<String> signedIn = post(browser, base + "/api/session", form, "application/x-www-form-urlencoded", token);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(JSON.readTree(signedIn.body()).get("roles").toString()).isEqualTo("[\"EDITOR\"]");

        get(browser, base + "/api/me");
        String fresh = cookie(cookies, "XSRF-TOKEN");
        assertThat(post(browser, base + "/ogc/collections/projects/items", project("by-session"), "application/geo+json",
                null).statusCode()).as("a session write without the token").isEqualTo(403);
        assertThat(post(browser, base + "/ogc/collections/projects/items", project("by-session"), "application/geo+json",
                fresh).statusCode()).isEqualTo(201);
        assertThat(post(browser, base + "/api/session/logout", "", "text/plain", fresh).statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(get(browser, base + "/api/me")).get("authenticated").asBoolean()).isFalse();
    }

    @Test
    void publicReadsSetNoCookieSoSharedCachesMayStoreThem() {
        for (String path : List.of("/ogc/collections", "/ogc/collections/districts/items?limit=2",
                "/ogc/collections/districts/tiles/WebMercatorQuad/9/186/434", "/api/identify?lon=125.33&lat=43.88")) {
            Http.Response read = http.get(path);
            assertThat(read.status()).as(path).isEqualTo(200);
            assertThat(read.header("Set-Cookie")).as(path).isNull();
        }
        assertThat(http.get("/api/me").header("Set-Cookie")).as("the page's CSRF cookie").startsWith("XSRF-TOKEN=");
        Http.Response signedByBasic = http.send("GET", "/ogc/collections", null, null, "Authorization", EDITOR);
        assertThat(signedByBasic.status()).isEqualTo(200);
        assertThat(signedByBasic.header("Set-Cookie")).as("Basic authentication opens no session").isNull();
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .reduce((first, second) -> second).orElseThrow().getValue();
    }

    private static String get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> post(HttpClient client, String url, String body, String type, String csrf)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String project(String id) {
        return """
                {"type": "Feature", "id": "%s", "properties": {"name_zh": "安全测试（示例）", "city": "culture",
                 "status": "planned", "sample": true}, "geometry": {"type": "Point", "coordinates": [125.70, 43.52]}}"""
                .formatted(id);
    }
}

package org.changchun.layout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A read standby that is not there when the service starts: the service starts all the same,
 * answers every read from the primary, and says so in health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgisUnreachableStandbyTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("postgis", registry);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        registry.add("plan.store.read-url", () -> "jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere");
    }

    @LocalServerPort
    int port;

    @Test
    void theServiceStartsAndAnswersFromThePrimary() {
        Http http = new Http(port);
        Http.Response items = http.get("/ogc/collections/districts/items?bbox=125.2,43.7,125.4,43.9");
        assertThat(items.status()).as(items.body()).isEqualTo(200);
        assertThat(items.json().get("numberReturned").asInt()).isPositive();
        assertThat(http.get("/ogc/collections/districts/tiles/WebMercatorQuad/10/372/868").status()).isEqualTo(200);

        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"state\":\"DOWN\"").contains("/nowhere");
        assertThat(http.get("/actuator/prometheus").body())
                .containsPattern("plan_store_reads_total\\{[^}]*database=\"primary\"[^}]*\\} [1-9]")
                .containsPattern("plan_store_reads_total\\{[^}]*database=\"standby\"[^}]*\\} 0");
    }
}

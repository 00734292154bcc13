package org.changchun.layout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every read answers with one pooled connection for work (the pool's other one listens for
 * changes, {@code PostgisChangeFeed}), requests racing for it: no request may hold a
 * connection while it waits for a second one, or under load all of them end up doing so and
 * the pool deadlocks until its timeout (which the load harness once showed as 503s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.hikari.maximum-pool-size=2",
    "spring.datasource.hikari.connection-timeout=3000"})
class SingleConnectionTest {

    private static final List<String> READS = List.of(
            "/api/layers", "/api/cities", "/api/districts", "/api/identify?lon=125.33&lat=43.88",
            "/api/coverage/projects?layer=dev-zones&feature=qikai",
            "/ogc/collections/projects/items?limit=5",
            "/ogc/collections/districts/items?bbox=125.2,43.8,125.5,44.0&limit=2",
            "/ogc/collections/districts/tiles/WebMercatorQuad/10/372/868",
            "/ogc/tiles/WebMercatorQuad/10/372/868");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("postgis", registry);
    }

    @LocalServerPort
    int port;

    @Test
    void readsAnswerWithOneConnectionWhileOthersWaitForIt() throws Exception {
        Http http = new Http(port);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String path : READS) {
                    answers.add(clients.submit(() -> {
                        Http.Response response = http.get(path);
                        return response.status() + " " + path;
                    }));
                }
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).matches("(200|204) .*");
            }
        } finally {
            clients.shutdownNow();
        }
    }
}

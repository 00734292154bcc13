package org.changchun.layout.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.changchun.layout.support.ChildService;
import org.changchun.layout.support.Http;
import org.changchun.layout.support.TestPostgis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The service, started as the README starts it but on PostGIS, rehearses imports before it says it
 * is ready: its health answers 200 only once the rehearsal is over, which linked the generated
 * features to the plan's polygons, and left nothing behind: no layer, version, link, job or folder.
 */
class ImportWarmUpTest {

    private static final Pattern WARMED_UP = Pattern.compile(
            "import path warmed up: (\\d+) rounds, (\\d+) features, (\\d+) links in [0-9.]+ s");

    @TempDir
    Path temp;

    @Test
    void theServiceIsReadyOnceImportsAreRehearsedAndTheRehearsalLeavesNothing() throws Exception {
        TestPostgis.Database database = TestPostgis.instance().newDatabase();
        Path work = temp.resolve("work");
        Path log = temp.resolve("child.log");
        List<String> settings = List.of("--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--plan.security.allow-insecure-defaults=true", "--plan.imports.work-dir=" + work,
                "--plan.imports.warm-up=60s");

        try (ChildService child = ChildService.start(log, settings)) {
            // start() returns at the first healthy answer: the rehearsal must be over by then
            String output = Files.readString(log);
            Matcher warmedUp = WARMED_UP.matcher(output);
            assertThat(warmedUp.find()).as("the warm-up's line, before health answered 200:\n%s", output).isTrue();
            assertThat(warmedUp.start()).as("warmed up before the ready line").isLessThan(output.indexOf("ready: http"));
            long rounds = Long.parseLong(warmedUp.group(1));
            long features = Long.parseLong(warmedUp.group(2));
            long links = Long.parseLong(warmedUp.group(3));
            assertThat(rounds).isPositive();
            assertThat(features).isEqualTo(rounds * (WarmUpSample.POINTS + WarmUpSample.PARCELS));
            assertThat(links).as("the sample is spread over the plan's polygons").isGreaterThan(features / 2);

            JsonNode layers = new Http(child.port()).get("/api/layers").json();
            assertThat(layers.isArray()).isTrue();
            layers.forEach(layer -> assertThat(layer.get("id").asString()).doesNotStartWith("warm-up"));
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                    database.password())) {
                assertThat(count(connection, "SELECT COUNT(*) FROM layer_version"))
                        .as("one version per layer, the plan's as loaded").isEqualTo(layers.size());
                assertThat(count(connection, "SELECT COUNT(*) FROM feature_link"
                        + " WHERE source_layer NOT IN (SELECT layer_id FROM layer_version)")).isZero();
                assertThat(count(connection, "SELECT COUNT(*) FROM import_job")).isZero();
                assertThat(count(connection, "SELECT COUNT(*) FROM pg_class WHERE relname LIKE 'fl!_%' ESCAPE '!'"
                        + " AND relkind = 'r' AND NOT relispartition")).as("staging tables of links").isZero();
            }
            try (var left = Files.list(work)) {
                assertThat(left.toList()).as("upload folders left in the work folder").isEmpty();
            }
        }
    }

    @Test
    void stoppedRightAfterItsWarmUpItStartsAgainOnTheSamePort() throws Exception {
        TestPostgis.Database database = TestPostgis.instance().newDatabase();
        List<String> settings = List.of("--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password(),
                "--plan.security.allow-insecure-defaults=true", "--plan.imports.work-dir=" + temp.resolve("work"),
                "--plan.imports.warm-up=3s");
        int port;
        // while it warms up, health answers 503 and its port closes those connections itself
        try (ChildService first = ChildService.start(temp.resolve("first.log"), settings)) {
            port = first.port();
            first.stop();
        }
        try (ChildService second = ChildService.start(temp.resolve("second.log"), port, settings)) {
            assertThat(new Http(port).get("/actuator/health").status()).isEqualTo(200);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

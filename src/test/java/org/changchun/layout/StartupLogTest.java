package org.changchun.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.changchun.layout.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a newcomer sees when starting the service as the README says (the default profile on the
 * embedded store, here a fresh file) and stopping it: one line with the address to open and the
 * store in use, and no warning or error, since there is nothing for them to act on.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupLogTest {

    @Test
    void aDefaultStartAndStopPrintNoWarningAndSayWhereToGo(CapturedOutput output) {
        String database = TestStores.h2Url();
        try (ConfigurableApplicationContext service = SpringApplication.run(LayoutApplication.class,
                "--server.port=0", "--spring.datasource.url=" + database)) {
            assertThat(service.isRunning()).isTrue();
        }
        List<String> warnings = output.getAll().lines()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
        assertThat(warnings).as("warnings and errors of a default start and stop").isEmpty();
        assertThat(output.getAll()).containsPattern("ready: http://localhost:\\d+/ \\(store: h2gis .+, "
                + Pattern.quote(database) + "\\)");
    }
}

package org.changchun.layout.store.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.changchun.layout.LayoutApplication;
import org.changchun.layout.support.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

/** A read standby set on the embedded store is refused at start, saying why in both languages. */
class H2gisReadUrlRefusedTest {

    @Test
    void theServiceRefusesToStartWithAReadUrlOnH2gis() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(LayoutApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--spring.datasource.url=" + TestStores.h2Url(),
                        "--plan.store.read-url=jdbc:postgresql://127.0.0.1:5432/changchun").close());

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .isInstanceOf(ReadStandbyConfigurationException.class)
                .hasMessageContaining("读备库只用于 PostGIS").hasMessageContaining("a read standby works with PostGIS only");
        FailureAnalysis analysis = new ReadStandbyFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("H2GIS");
        assertThat(analysis.getAction()).contains("spring.datasource.url").contains("docs/scaling.md");
    }
}

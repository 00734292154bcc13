package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

class JsonNumberWritingTest {

    private final JsonMapper json = customized();

    @Test
    void decimalsAreWrittenByTheFastWriter() {
        assertThat(json.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)).isTrue();
    }

    @Test
    void decimalsReadBackAsTheSameDoubleInTheJdksNotation() {
        double[] values = {147.33, 0.1 + 0.2, 125.3598642, 43.8687033, -0.0, 1.0E-7, 2.5E-4, 12345678.9, 1.0E7,
            9.999999E6, 1.0E21, Double.MIN_VALUE, Double.MAX_VALUE, 100.0, 5.0E-324};
        for (double value : values) {
            String written = json.writeValueAsString(value);
            assertThat(Double.parseDouble(written)).as(written).isEqualTo(value);
            assertThat(written).as("%s written as the JDK writes it", value).isEqualTo(Double.toString(value));
        }
    }

    private static JsonMapper customized() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new JsonNumberWriting().customize(builder);
        return builder.build();
    }
}

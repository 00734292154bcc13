package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonObjectTest {

    @Test
    void writesItsMembersInTheOrderGiven() {
        String written = JsonMapper.builder().build().writeValueAsString(
                JsonObject.of("type", "Feature", "id", "p1", "properties", JsonObject.of("z", 1, "a", 2), "geometry", null));

        assertThat(written).isEqualTo("{\"type\":\"Feature\",\"id\":\"p1\",\"properties\":{\"z\":1,\"a\":2},\"geometry\":null}");
    }

    @Test
    void refusesANameWithoutAValue() {
        assertThatThrownBy(() -> JsonObject.of("type", "Feature", "id")).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.changchun.layout.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class StoredPropertiesTest {

    private static final StoredProperties.Names NAMES = new StoredProperties.Names(
            List.of("name_zh", "start_year", "note", "sample"));

    private final StoredProperties properties = new StoredProperties(NAMES,
            new Object[] {"北湖科技园", 2022L, null, true});

    @Test
    void isTheMapOfItsValuesInFieldOrder() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name_zh", "北湖科技园");
        expected.put("start_year", 2022L);
        expected.put("note", null);
        expected.put("sample", true);
        assertThat(properties).isEqualTo(expected);
        assertThat(expected).isEqualTo(properties);
        assertThat(properties.hashCode()).isEqualTo(expected.hashCode());
        assertThat(new ArrayList<>(properties.keySet())).containsExactly("name_zh", "start_year", "note", "sample");
        assertThat(properties.get("start_year")).isEqualTo(2022L);
        assertThat(properties.containsKey("note")).as("a field without a value").isTrue();
        assertThat(properties.get("missing")).isNull();
        assertThat(properties.containsKey("missing")).isFalse();
        assertThat(properties.value(0)).isEqualTo("北湖科技园");
        assertThat(properties.names().get(3)).isEqualTo("sample");
    }

    @Test
    void textHeldAsUtf8BytesReadsAsAString() {
        byte[] utf8 = "北湖科技园 / Beihu".getBytes(StandardCharsets.UTF_8);
        StoredProperties held = new StoredProperties(NAMES, new Object[] {utf8, 2022L, null, true});
        assertThat(held.get("name_zh")).isEqualTo("北湖科技园 / Beihu");
        assertThat(held.value(0)).isEqualTo("北湖科技园 / Beihu");
        assertThat(held.entrySet().iterator().next().getValue()).isEqualTo("北湖科技园 / Beihu");
        assertThat(held.utf8(0)).isSameAs(utf8);
        assertThat(held.utf8(1)).as("not text").isNull();
        assertThat(properties.utf8(0)).as("text held as a string").isNull();
        assertThat(held).isEqualTo(new StoredProperties(NAMES, new Object[] {"北湖科技园 / Beihu", 2022L, null, true}));
    }

    @Test
    void cannotBeChanged() {
        assertThatThrownBy(() -> properties.put("note", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> properties.remove("note")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> properties.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFeatureKeepsThemAsTheyAreAndCopiesAnyOtherMap() {
        var point = new GeometryFactory().createPoint(new Coordinate(125.3, 43.9));
        assertThat(new Feature("p1", properties, point).properties()).isSameAs(properties);
        Map<String, Object> plain = new LinkedHashMap<>(properties);
        Map<String, Object> kept = new Feature("p1", plain, point).properties();
        plain.put("note", "changed afterwards");
        assertThat(kept.get("note")).isNull();
        assertThatThrownBy(() -> kept.put("note", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesValuesThatDoNotMatchTheNames() {
        assertThatThrownBy(() -> new StoredProperties(NAMES, new Object[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 fields but 3 values");
        assertThatThrownBy(() -> new StoredProperties.Names(List.of("a", "b", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"a\" is named twice");
    }
}

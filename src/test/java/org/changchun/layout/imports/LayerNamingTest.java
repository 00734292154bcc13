package org.changchun.layout.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** How imported layers are named from their files, readable and unique. */
class LayerNamingTest {

    @Test
    void anIdIsTheAsciiWordsOfTheNameOrAStableSlugOfAChineseOne() {
        assertThat(LayerNaming.idFrom("Land_Use 2023")).isEqualTo("land-use-2023");
        assertThat(LayerNaming.idFrom("行政区2023")).isEqualTo("layer-2023");
        assertThat(LayerNaming.idFrom("长春 DLTB 现状")).isEqualTo("dltb");
        assertThat(LayerNaming.idFrom("行政区")).matches("layer-[0-9a-f]{6}")
                .as("the same name, the same id").isEqualTo(LayerNaming.idFrom("行政区"))
                .isNotEqualTo(LayerNaming.idFrom("开发区"));
        assertThat(LayerNaming.idFrom("a".repeat(100))).hasSizeLessThanOrEqualTo(LayerDescription.MAX_ID_LENGTH - 4);
        for (String name : List.of("Land_Use 2023", "行政区2023", "行政区", "--x--", "2023", "a".repeat(100))) {
            assertThat(LayerDescription.ID_PATTERN.matcher(LayerNaming.idFrom(name)).matches()).as(name).isTrue();
        }
    }

    @Test
    void theBaseNameDropsFoldersAndTheExtension() {
        assertThat(LayerNaming.baseName("资料/规划/行政区.zip")).isEqualTo("行政区");
        assertThat(LayerNaming.baseName("C:\\数据\\Land_Use 2023.ZIP")).isEqualTo("Land_Use 2023");
        assertThat(LayerNaming.baseName(".zip")).isEqualTo(".zip");
    }

    @Test
    void takenIdsAndTitlesGetACounterExceptForTheLayerBeingReplaced() {
        LayerNaming naming = new LayerNaming(List.of(layer("districts", "行政区", "Districts"),
                layer("land-use", "用地", "Land use")));

        String id = naming.newId("Land Use");
        assertThat(id).isEqualTo("land-use-2");
        assertThat(naming.titled(id, "行政区", "行政区")).isEqualTo(new LayerNaming.Names(id, "行政区（2）", "行政区 (2)"));
        String next = naming.newId("land-use");
        assertThat(next).as("also unique against the names this naming gave").isEqualTo("land-use-3");
        assertThat(naming.titled(next, "行政区", "Districts").titleZh()).isEqualTo("行政区（3）");
        assertThat(naming.titled("land-use", "用地", "Land use"))
                .as("a layer replaced keeps its own titles").isEqualTo(new LayerNaming.Names("land-use", "用地", "Land use"));
    }

    private static LayerInfo layer(String id, String titleZh, String titleEn) {
        return new LayerInfo(new LayerDescription(id, LayerKind.PLAN_AREA, titleZh, titleEn, null, null, null, null, null),
                1, 1, "MultiPolygon", 0, new Envelope(), List.of(), null, null, null, null);
    }
}

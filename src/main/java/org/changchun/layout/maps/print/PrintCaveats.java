package org.changchun.layout.maps.print;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;

/**
 * What a printed map must say about its data, for the layers on it: schematic shapes (示意), invented
 * sample projects (示例数据), each licence note that restricts use, and always that the map has no map
 * review number (审图号), so it may not be published.
 */
final class PrintCaveats {

    static final String NO_REVIEW_NUMBER = "本图未取得审图号，仅供内部研究参考，不得公开出版或对外提供 / No map review number (审图号) "
            + "obtained: for internal reference only, not for publication";

    private PrintCaveats() {
    }

    static List<String> of(List<LayerInfo> layers) {
        Set<String> caveats = new LinkedHashSet<>();
        List<String> schematic = new ArrayList<>();
        for (LayerInfo layer : layers) {
            LayerDescription d = layer.description();
            if ("schematic".equals(d.accuracy())) {
                schematic.add(d.titleZh());
            }
        }
        if (!schematic.isEmpty()) {
            caveats.add("示意：" + String.join("、", schematic) + "为示意范围，非官方边界 / schematic shapes drawn for "
                    + "illustration, not official boundaries");
        }
        for (LayerInfo layer : layers) {
            if (layer.kind() == LayerKind.PROJECTS) {
                caveats.add("示例数据：" + layer.description().titleZh() + "中的项目与投资额为虚构示例，非真实项目 / sample "
                        + "data: the projects and their investment are invented");
            }
        }
        for (LayerInfo layer : layers) {
            LayerDescription d = layer.description();
            String licence = d.licenceZh() != null ? d.licenceZh() : d.licence();
            if (licence != null && !licence.isBlank() && !licence.startsWith("CC0")) {
                caveats.add(d.titleZh() + "：" + licence);
            }
        }
        caveats.add(NO_REVIEW_NUMBER);
        return List.copyOf(caveats);
    }

    /** One line per layer: its title and where its data comes from. */
    static List<String> sources(List<LayerInfo> layers) {
        List<String> sources = new ArrayList<>();
        for (LayerInfo layer : layers) {
            LayerDescription d = layer.description();
            String source = d.sourceZh() != null ? d.sourceZh() : d.source();
            sources.add(d.titleZh() + "：" + (source == null ? "未注明 / not stated" : source));
        }
        return sources;
    }
}

package org.changchun.layout.indicators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.store.ConcurrentLayerWriteException;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.WriteProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The layer {@value #ID}: each district's polygon with its latest figure of every indicator that
 * has district figures ({@code grain_output}, {@code grain_output_year}, {@code grain_output_sample}
 * …), so OGC API clients such as QGIS draw choropleths from it, filter it with CQL2 and get it as
 * tiles, through the same code as every other layer.
 *
 * <p>It is derived data, written as a new version whenever what it shows changes: after every
 * write of figures on this replica, and otherwise within {@code plan.indicators.refresh-interval}
 * (another replica's write, a new districts layer). Its checksum names what it was built from (the
 * figures' revision, the districts' data version and the definitions), so a rewrite happens only
 * when one of them changed, and its data version, like every layer's, keys the tile caches.
 */
@Component
public class DistrictIndicatorLayer {

    public static final String ID = "district-indicators";

    private static final Logger log = LoggerFactory.getLogger(DistrictIndicatorLayer.class);
    private static final String SOURCE_EN = "monitoring figures (/api/indicators): sample figures are generated, not "
            + "official statistics; polygons of the districts layer";
    /** Writes racing with other replicas' are retried this often before the periodic check takes over. */
    private static final int ATTEMPTS = 5;

    private final FeatureStore store;
    private final IndicatorCatalog indicators;
    private final ObservationStore observations;

    DistrictIndicatorLayer(FeatureStore store, IndicatorCatalog indicators, ObservationStore observations) {
        this.store = store;
        this.indicators = indicators;
        this.observations = observations;
    }

    /**
     * Rewrites the layer unless it already shows the current figures. Safe on any replica at any
     * time: the revision is read before the figures, so a layer never claims figures newer than it
     * holds, and a write that lost a race, or that figures overtook, is done again.
     */
    @Scheduled(fixedDelayString = "${plan.indicators.refresh-interval:60s}",
            initialDelayString = "${plan.indicators.refresh-interval:60s}")
    public synchronized void refresh() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long revision = observations.revision();
            Optional<LayerInfo> districts = store.layer(PlanLayers.DISTRICTS);
            if (districts.isEmpty() || indicators.all().isEmpty()) {
                return;
            }
            String checksum = checksum(revision, districts.get().dataVersion(), indicators.checksum());
            if (store.layer(ID).map(layer -> checksum.equals(layer.checksum())).orElse(false)) {
                return;
            }
            try {
                LayerInfo written = write(checksum, districts.get());
                log.info("Layer {} rewritten from the figures of revision {} (version {})", ID, revision,
                        written.version());
            } catch (ConcurrentLayerWriteException e) {
                continue;
            }
            if (observations.revision() == revision) {
                return;
            }
        }
    }

    private LayerInfo write(String checksum, LayerInfo districts) {
        Optional<IndicatorArea> city = indicators.cityArea();
        Map<String, Map<String, Observation>> latest = new LinkedHashMap<>();
        for (Observation figure : observations.all()) {
            if (city.isPresent() && figure.area().equals(city.get().adcode())) {
                continue;
            }
            latest.computeIfAbsent(figure.indicator(), k -> new LinkedHashMap<>())
                    .merge(figure.area(), figure, (a, b) -> a.year() >= b.year() ? a : b);
        }
        Set<String> withDistrictFigures = latest.keySet();
        List<Indicator> shown = indicators.all().stream().filter(i -> withDistrictFigures.contains(i.id())).toList();
        List<FieldSpec> fields = fields(shown);
        List<Feature> features = new ArrayList<>();
        for (Feature district : store.features(PlanLayers.DISTRICTS)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("adcode", district.id());
            properties.put("name_zh", district.text("name_zh"));
            properties.put("name_en", district.text("name_en"));
            boolean anySample = false;
            for (Indicator indicator : shown) {
                Observation figure = latest.get(indicator.id()).get(district.id());
                if (figure != null) {
                    properties.put(indicator.fieldName(), figure.value());
                    properties.put(indicator.fieldName() + "_year", figure.year());
                    properties.put(indicator.fieldName() + "_sample", figure.sample());
                    anySample |= figure.sample();
                }
            }
            properties.put("sample", anySample);
            features.add(new Feature(district.id(), properties, district.geometry()));
        }
        features.sort(Comparator.comparing(Feature::id));
        return store.writeLayer(new LayerSpec(description(districts.description()), fields, checksum),
                features.iterator(), WriteProgress.NONE);
    }

    private static List<FieldSpec> fields(List<Indicator> shown) {
        List<FieldSpec> fields = new ArrayList<>(List.of(
                new FieldSpec("adcode", FieldType.STRING, "行政区划代码", "Administrative code (GB/T 2260)"),
                new FieldSpec("name_zh", FieldType.STRING, "名称", "Name (Chinese)"),
                new FieldSpec("name_en", FieldType.STRING, "英文名称", "Name (English)"),
                new FieldSpec("sample", FieldType.BOOLEAN, "含示例数据", "Holds sample figures")));
        for (Indicator indicator : shown) {
            String name = indicator.fieldName();
            fields.add(new FieldSpec(name, FieldType.NUMBER, indicator.labelZh() + "（" + indicator.unitZh() + "）",
                    indicator.labelEn() + " (" + indicator.unitEn() + ")"));
            fields.add(new FieldSpec(name + "_year", FieldType.INTEGER, indicator.labelZh() + "：年份",
                    indicator.labelEn() + ": year"));
            fields.add(new FieldSpec(name + "_sample", FieldType.BOOLEAN, indicator.labelZh() + "：示例数据",
                    indicator.labelEn() + ": sample figure"));
        }
        return fields;
    }

    /** Titles and texts of its own; accuracy and licence those of the districts, whose polygons it shows. */
    private static LayerDescription description(LayerDescription districts) {
        return new LayerDescription(ID, LayerKind.DERIVED, "行政区指标（最新值）", "Districts: latest indicator figures",
                "各区县每项有分区数据的监测指标的最新数值、年份及是否为示例数据（字段 <指标>、<指标>_year、<指标>_sample）；"
                        + "由指标监测数据生成，数据变化后重写。",
                "Each district's latest figure of every monitoring indicator with district figures, its year and "
                        + "whether it is a sample (fields <indicator>, <indicator>_year, <indicator>_sample); written "
                        + "by the service from the monitoring figures whenever they change.",
                SOURCE_EN, districts.accuracy(), districts.licence(),
                "指标监测数据（/api/indicators）：示例数据为生成的示例，非官方统计；界线取自行政区图层", SOURCE_EN,
                districts.licenceZh(), districts.licenceEn());
    }

    private static String checksum(long revision, long districtsVersion, String definitions) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(("figures " + revision + "; districts " + districtsVersion + "; definitions " + definitions)
                    .getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package org.changchun.layout.gisdata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.changchun.layout.indicators.Indicator;
import org.changchun.layout.indicators.IndicatorArea;
import org.changchun.layout.indicators.IndicatorKind;
import org.changchun.layout.indicators.TargetComparator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code gis-data/indicators.json}: the plan's targets as indicators, each checked (kind,
 * comparator, target and base years, a base that is either sourced or marked as a sample, the
 * sentence of the plan it comes from), and the area under which figures of the whole city are kept.
 */
final class IndicatorsReader {

    /** What the file defines. */
    record Definitions(List<Indicator> indicators, IndicatorArea cityArea, String yearBasisZh, String yearBasisEn) {
    }

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern ADCODE = Pattern.compile("\\d{6}");

    private final JsonMapper json;

    IndicatorsReader(JsonMapper json) {
        this.json = json;
    }

    Definitions read(String file, byte[] content) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JacksonException e) {
            throw new GisDataException(file, "is not valid JSON: " + e.getOriginalMessage());
        }
        StrictJson top = new StrictJson(file, "the top level", root).allowOnly(Set.of("plan", "indicators"));
        StrictJson plan = new StrictJson(file, "\"plan\"", top.raw("plan")).allowOnly(Set.of("target_year",
                "year_basis_zh", "year_basis_en", "city_area"));
        StrictJson area = new StrictJson(file, "\"plan.city_area\"", plan.raw("city_area"))
                .allowOnly(Set.of("adcode", "name_zh", "name_en"));
        String adcode = area.text("adcode");
        if (!ADCODE.matcher(adcode).matches()) {
            throw area.problem("has adcode \"" + adcode + "\"; an adcode has six digits");
        }
        IndicatorArea cityArea = new IndicatorArea(adcode, area.text("name_zh"), area.text("name_en"), false);
        int targetYear = plan.integer("target_year");
        List<Indicator> indicators = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : top.array("indicators")) {
            Indicator indicator = indicator(file, node, ++index, targetYear);
            if (!ids.add(indicator.id())) {
                throw new GisDataException(file, "indicator \"" + indicator.id() + "\" is listed twice");
            }
            indicators.add(indicator);
        }
        return new Definitions(List.copyOf(indicators), cityArea, plan.text("year_basis_zh"), plan.text("year_basis_en"));
    }

    private static Indicator indicator(String file, JsonNode node, int index, int planTargetYear) {
        StrictJson position = new StrictJson(file, "indicator #" + index, node).allowOnly(Set.of("id", "city",
                "label_zh", "label_en", "kind", "comparator", "target", "target_year", "hold", "unit_zh", "unit_en",
                "base", "quote", "note_zh", "note_en"));
        String id = position.text("id");
        if (!ID.matcher(id).matches()) {
            throw position.problem("has id \"" + id + "\"; ids are lower-case words joined by '-'");
        }
        StrictJson indicator = new StrictJson(file, "indicator \"" + id + "\"", node);
        String kindCode = indicator.text("kind");
        IndicatorKind kind = IndicatorKind.fromCode(kindCode).orElseThrow(() -> indicator.problem(
                "has kind \"" + kindCode + "\"; use level, cumulative, growth_rate, share or threshold"));
        String comparatorCode = indicator.text("comparator");
        TargetComparator comparator = TargetComparator.fromCode(comparatorCode).orElseThrow(() -> indicator.problem(
                "has comparator \"" + comparatorCode + "\"; use >=, >, <= or <"));
        JsonNode hold = indicator.raw("hold");
        if (hold != null && !hold.isBoolean()) {
            throw indicator.problem("\"hold\" must be true or false");
        }
        int targetYear = indicator.raw("target_year") == null ? planTargetYear : indicator.integer("target_year");
        StrictJson base = new StrictJson(file, "the base of indicator \"" + id + "\"", indicator.raw("base"))
                .allowOnly(Set.of("year", "value", "source", "sample"));
        String baseSource = base.optionalText("source");
        JsonNode sample = base.raw("sample");
        boolean baseSample = sample != null && sample.isBoolean() && sample.booleanValue();
        if (sample != null && !baseSample) {
            throw base.problem("has \"sample\" other than true; a published base names its \"source\" instead");
        }
        if (baseSample == (baseSource != null && !baseSource.isBlank())) {
            throw base.problem("needs either \"source\" (the bulletin and year the figure comes from) or "
                    + "\"sample\": true (an invented figure), not both");
        }
        try {
            return new Indicator(id, indicator.text("city"), indicator.text("label_zh"), indicator.text("label_en"),
                    kind, comparator, indicator.number("target"), targetYear, hold != null && hold.booleanValue(),
                    indicator.text("unit_zh"), indicator.text("unit_en"), base.integer("year"), base.number("value"),
                    baseSample ? null : baseSource, baseSample, indicator.text("quote"),
                    indicator.optionalText("note_zh"), indicator.optionalText("note_en"));
        } catch (IllegalArgumentException e) {
            throw indicator.problem("is not consistent: " + e.getMessage());
        }
    }
}

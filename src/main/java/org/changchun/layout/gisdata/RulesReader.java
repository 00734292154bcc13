package org.changchun.layout.gisdata;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityMember;
import org.changchun.layout.plan.rules.AreaPurpose;
import org.changchun.layout.plan.rules.ConstraintKind;
import org.changchun.layout.plan.rules.ConstraintRule;
import org.changchun.layout.plan.rules.GeneralRules;
import org.changchun.layout.plan.rules.Industries;
import org.changchun.layout.plan.rules.Restriction;
import org.changchun.layout.plan.rules.RuleBook;
import org.changchun.layout.plan.rules.RuleLevel;
import org.changchun.layout.plan.rules.RuleSource;
import org.locationtech.jts.geom.Polygonal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the compliance rules file and checks it against the layers and cities being loaded: every
 * area, city, industry and source it names exists, every city member of cities.json is an area meant
 * for that city, and every constraint layer is a polygon layer of the plan. A rule can therefore never
 * point at nothing, nor contradict the cities.
 */
final class RulesReader {

    private final JsonMapper json;

    RulesReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param specs    the layers being loaded, by id
     * @param features the features of each layer being loaded, by layer id and feature id
     */
    RuleBook read(String file, byte[] content, Map<String, LayerSpec> specs, Map<String, Map<String, Feature>> features,
                  List<City> cities) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JacksonException e) {
            throw new GisDataException(file, "is not valid JSON: " + e.getOriginalMessage());
        }
        StrictJson top = new StrictJson(file, "the top level", root).allowOnly(Set.of("about_zh", "about_en",
                "city_sources", "sources", "areas", "restrictions", "general", "constraint_kinds", "constraints"));
        Context context = new Context(file, specs, features, cities.stream().map(City::id).toList(),
                sources(file, top.array("sources")));
        Map<String, String> citySources = citySources(context, top.raw("city_sources"));
        List<AreaPurpose> areas = areas(context, top.array("areas"));
        checkCityMembers(context, cities, areas);
        List<Restriction> restrictions = restrictions(context, top.array("restrictions"), areas);
        GeneralRules general = general(context, top.raw("general"));
        List<ConstraintKind> kinds = kinds(context, top.array("constraint_kinds"));
        List<ConstraintRule> constraints = constraints(context, top.array("constraints"), kinds);
        return new RuleBook(top.text("about_zh"), top.text("about_en"), citySources, context.sources, areas,
                restrictions, general, kinds, constraints, checksum(content));
    }

    private record Context(String file, Map<String, LayerSpec> specs, Map<String, Map<String, Feature>> features,
                           List<String> cities, Map<String, RuleSource> sources) {

        void source(StrictJson where, String id) {
            if (!sources.containsKey(id)) {
                throw where.problem("cites source \"" + id + "\", which \"sources\" does not list");
            }
        }

        void industries(StrictJson where, List<String> industries) {
            for (String industry : industries) {
                if (!Industries.isKnown(industry)) {
                    throw where.problem("names industry \"" + industry + "\"; the six new industries are "
                            + Industries.NAMES.keySet());
                }
            }
        }

        void feature(StrictJson where, String layer, String feature) {
            LayerSpec spec = specs.get(layer);
            if (spec == null) {
                throw where.problem("names layer \"" + layer + "\", which layers.json does not list");
            }
            if (spec.kind() != LayerKind.PLAN_AREA) {
                throw where.problem("names layer \"" + layer + "\", which is not a plan-area layer");
            }
            if (feature != null && !features.get(layer).containsKey(feature)) {
                throw where.problem("names feature \"" + feature + "\", which is not in layer \"" + layer + "\"");
            }
        }
    }

    private static Map<String, RuleSource> sources(String file, JsonNode array) {
        Map<String, RuleSource> sources = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode node : array) {
            StrictJson source = new StrictJson(file, "source #" + ++index, node).allowOnly(Set.of("id", "document_zh",
                    "document_en", "quote_zh", "quote_en"));
            String id = source.text("id");
            String quoteZh = source.optionalText("quote_zh");
            String quoteEn = source.optionalText("quote_en");
            if ((quoteZh == null) != (quoteEn == null)) {
                throw source.problem("(\"" + id + "\") gives a quote in one language only; give quote_zh and quote_en");
            }
            if (sources.put(id, new RuleSource(id, source.text("document_zh"), source.text("document_en"), quoteZh,
                    quoteEn)) != null) {
                throw source.problem("repeats the id \"" + id + "\"");
            }
        }
        return sources;
    }

    private static Map<String, String> citySources(Context context, JsonNode node) {
        StrictJson citySources = new StrictJson(context.file(), "\"city_sources\"", node)
                .allowOnly(Set.copyOf(context.cities()));
        Map<String, String> result = new LinkedHashMap<>();
        for (String city : context.cities()) {
            String source = citySources.text(city);
            context.source(citySources, source);
            result.put(city, source);
        }
        return result;
    }

    private static List<AreaPurpose> areas(Context context, JsonNode array) {
        List<AreaPurpose> areas = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode node : array) {
            StrictJson area = new StrictJson(context.file(), "area #" + (areas.size() + 1), node).allowOnly(Set.of(
                    "layer", "feature", "cities", "industries", "sources", "note_zh", "note_en"));
            String layer = area.text("layer");
            String feature = area.text("feature");
            StrictJson named = new StrictJson(context.file(), "area " + layer + "/" + feature, node);
            context.feature(named, layer, feature);
            if (!seen.add(layer + "/" + feature)) {
                throw named.problem("is listed twice");
            }
            List<String> cities = texts(named, "cities");
            for (String city : cities) {
                if (!context.cities().contains(city)) {
                    throw named.problem("names city \"" + city + "\"; the cities are " + context.cities());
                }
            }
            List<String> industries = texts(named, "industries");
            context.industries(named, industries);
            List<String> sources = texts(named, "sources");
            if (sources.isEmpty()) {
                throw named.problem("cites no source");
            }
            sources.forEach(source -> context.source(named, source));
            areas.add(new AreaPurpose(layer, feature, cities, industries, sources, named.optionalText("note_zh"),
                    named.optionalText("note_en")));
        }
        return areas;
    }

    /**
     * The rules may say more than cities.json, never less: each member area is meant for its city.
     * Members in context layers (named sites, provincial corridors and bases) are places the plan
     * names, not areas a site is reviewed against, and need no rule.
     */
    private static void checkCityMembers(Context context, List<City> cities, List<AreaPurpose> areas) {
        for (City city : cities) {
            for (CityMember member : city.spatialMembers().toList()) {
                LayerSpec spec = context.specs().get(member.layer());
                if (spec != null && !spec.kind().isLinkTarget()) {
                    continue;
                }
                boolean listed = areas.stream().anyMatch(a -> a.layer().equals(member.layer())
                        && a.feature().equals(member.feature()) && a.serves(city.id()));
                if (!listed) {
                    throw new GisDataException(context.file(), "has no area " + member.layer() + "/" + member.feature()
                            + " meant for city \"" + city.id() + "\", which cities.json names as its member");
                }
            }
        }
    }

    private static List<Restriction> restrictions(Context context, JsonNode array, List<AreaPurpose> areas) {
        List<Restriction> restrictions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : array) {
            StrictJson position = new StrictJson(context.file(), "restriction #" + (restrictions.size() + 1), node)
                    .allowOnly(Set.of("id", "layer", "feature", "industries", "level", "message_zh", "message_en",
                            "source"));
            String id = position.text("id");
            StrictJson restriction = new StrictJson(context.file(), "restriction \"" + id + "\"", node);
            if (!ids.add(id)) {
                throw restriction.problem("is listed twice");
            }
            String layer = restriction.text("layer");
            String feature = restriction.text("feature");
            if (areas.stream().noneMatch(a -> a.layer().equals(layer) && a.feature().equals(feature))) {
                throw restriction.problem("names area " + layer + "/" + feature + ", which \"areas\" does not list");
            }
            List<String> industries = texts(restriction, "industries");
            if (industries.isEmpty()) {
                throw restriction.problem("names no industry");
            }
            context.industries(restriction, industries);
            String source = restriction.text("source");
            context.source(restriction, source);
            restrictions.add(new Restriction(id, layer, feature, industries, level(restriction, "level"),
                    restriction.text("message_zh"), restriction.text("message_en"), source));
        }
        return restrictions;
    }

    private static GeneralRules general(Context context, JsonNode node) {
        StrictJson general = new StrictJson(context.file(), "\"general\"", node).allowOnly(Set.of("city_outside",
                "city_partly_outside", "industry_not_listed", "city_undeclared"));
        return new GeneralRules(generalRule(context, general, "city_outside"),
                generalRule(context, general, "city_partly_outside"),
                generalRule(context, general, "industry_not_listed"), generalRule(context, general, "city_undeclared"));
    }

    private static GeneralRules.Rule generalRule(Context context, StrictJson general, String name) {
        StrictJson rule = new StrictJson(context.file(), "general rule \"" + name + "\"", general.raw(name))
                .allowOnly(Set.of("level", "source"));
        String source = rule.text("source");
        context.source(rule, source);
        return new GeneralRules.Rule(level(rule, "level"), source);
    }

    private static List<ConstraintKind> kinds(Context context, JsonNode array) {
        List<ConstraintKind> kinds = new ArrayList<>();
        for (JsonNode node : array) {
            StrictJson position = new StrictJson(context.file(), "constraint kind #" + (kinds.size() + 1), node)
                    .allowOnly(Set.of("kind", "name_zh", "name_en", "inside", "outside", "permitted_industries",
                            "message_zh", "message_en", "source"));
            String code = position.text("kind");
            StrictJson kind = new StrictJson(context.file(), "constraint kind \"" + code + "\"", node);
            if (kinds.stream().anyMatch(k -> k.kind().equals(code))) {
                throw kind.problem("is listed twice");
            }
            RuleLevel inside = optionalLevel(kind, "inside");
            RuleLevel outside = optionalLevel(kind, "outside");
            if (inside == null && outside == null) {
                throw kind.problem("fires neither inside nor outside the line; give \"inside\" or \"outside\" a level");
            }
            List<String> permitted = texts(kind, "permitted_industries");
            context.industries(kind, permitted);
            String source = kind.text("source");
            context.source(kind, source);
            kinds.add(new ConstraintKind(code, kind.text("name_zh"), kind.text("name_en"), inside, outside, permitted,
                    kind.text("message_zh"), kind.text("message_en"), source));
        }
        return kinds;
    }

    private static List<ConstraintRule> constraints(Context context, JsonNode array, List<ConstraintKind> kinds) {
        List<ConstraintRule> constraints = new ArrayList<>();
        for (JsonNode node : array) {
            StrictJson position = new StrictJson(context.file(), "constraint #" + (constraints.size() + 1), node)
                    .allowOnly(Set.of("layer", "kind", "sample"));
            String layer = position.text("layer");
            StrictJson constraint = new StrictJson(context.file(), "constraint \"" + layer + "\"", node);
            context.feature(constraint, layer, null);
            if (constraints.stream().anyMatch(c -> c.layer().equals(layer))) {
                throw constraint.problem("is listed twice");
            }
            if (!context.features().get(layer).values().stream().allMatch(f -> f.geometry() instanceof Polygonal)) {
                throw constraint.problem("names a layer that is not all polygons: a control line encloses an area");
            }
            String code = constraint.text("kind");
            ConstraintKind kind = kinds.stream().filter(k -> k.kind().equals(code)).findFirst().orElseThrow(() ->
                    constraint.problem("has kind \"" + code + "\", which \"constraint_kinds\" does not list"));
            JsonNode sample = constraint.raw("sample");
            if (sample == null || !sample.isBoolean()) {
                throw constraint.problem("needs \"sample\" as true or false (true: a schematic sample, no legal effect)");
            }
            constraints.add(new ConstraintRule(layer, kind.kind(), kind.nameZh(), kind.nameEn(), kind.inside(),
                    kind.outside(), kind.permittedIndustries(), kind.messageZh(), kind.messageEn(),
                    context.sources().get(kind.source()), sample.booleanValue(), ConstraintRule.SHIPPED, null, null));
        }
        return constraints;
    }

    private static List<String> texts(StrictJson where, String member) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : where.array(member)) {
            if (!value.isString() || value.stringValue().isBlank()) {
                throw where.problem("has \"" + member + "\" with " + value + "; write non-empty text");
            }
            values.add(value.stringValue());
        }
        if (values.stream().distinct().count() != values.size()) {
            throw where.problem("repeats a value in \"" + member + "\"");
        }
        return values;
    }

    private static RuleLevel level(StrictJson where, String member) {
        String code = where.text(member);
        return RuleLevel.fromCode(code).orElseThrow(() -> where.problem("has " + member + " \"" + code
                + "\"; use conflict, condition or advice"));
    }

    private static RuleLevel optionalLevel(StrictJson where, String member) {
        return where.optionalText(member) == null ? null : level(where, member);
    }

    private static String checksum(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package org.changchun.layout.gisdata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityMember;
import org.changchun.layout.plan.CityTarget;
import org.changchun.layout.plan.MemberRole;
import org.changchun.layout.feature.Feature;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the six cities file and checks every member against the layers being loaded, so a city
 * can never name a district or zone that does not exist. A city's targets are not in this file:
 * they come from the indicators that measure them ({@link CityTargets}).
 */
final class CitiesReader {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final JsonMapper json;

    CitiesReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param layers  the features of every layer being loaded, by layer id and feature id
     * @param targets each city's targets, by city id
     */
    List<City> read(String file, byte[] content, Map<String, Map<String, Feature>> layers,
                    Map<String, List<CityTarget>> targets) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JacksonException e) {
            throw new GisDataException(file, "is not valid JSON: " + e.getOriginalMessage());
        }
        StrictJson top = new StrictJson(file, "the top level", root).allowOnly(Set.of("cities"));
        List<City> cities = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : top.array("cities")) {
            City city = city(file, node, ++index, layers, targets);
            if (!ids.add(city.id())) {
                throw new GisDataException(file, "city \"" + city.id() + "\" is listed twice");
            }
            cities.add(city);
        }
        return cities;
    }

    private City city(String file, JsonNode node, int index, Map<String, Map<String, Feature>> layers,
                      Map<String, List<CityTarget>> targets) {
        StrictJson position = new StrictJson(file, "city #" + index, node).allowOnly(Set.of("id", "name_zh", "name_en",
                "colour", "summary_zh", "summary_en", "members"));
        String id = position.text("id");
        if (!ID.matcher(id).matches()) {
            throw position.problem("has id \"" + id + "\"; ids are lower-case words joined by '-'");
        }
        StrictJson city = new StrictJson(file, "city \"" + id + "\"", node);
        String colour = city.text("colour");
        if (!COLOUR.matcher(colour).matches()) {
            throw city.problem("has colour \"" + colour + "\"; write it as #rrggbb");
        }
        List<CityMember> members = new ArrayList<>();
        for (JsonNode member : city.array("members")) {
            members.add(member(file, id, member, layers));
        }
        if (members.stream().noneMatch(m -> m.role() == MemberRole.LEAD)) {
            throw city.problem("has no member with role \"lead\"");
        }
        return new City(id, city.text("name_zh"), city.text("name_en"), colour, city.optionalText("summary_zh"),
                city.optionalText("summary_en"), members, targets.getOrDefault(id, List.of()));
    }

    private static CityMember member(String file, String cityId, JsonNode node,
                                     Map<String, Map<String, Feature>> layers) {
        StrictJson member = new StrictJson(file, "a member of city \"" + cityId + "\"", node).allowOnly(Set.of(
                "layer", "feature", "role", "name_zh", "name_en", "group_zh", "group_en", "note"));
        String roleCode = member.text("role");
        MemberRole role = MemberRole.fromCode(roleCode).orElseThrow(() ->
                member.problem("has role \"" + roleCode + "\"; use lead or support"));
        String layer = member.optionalText("layer");
        if (layer == null) {
            if (member.optionalText("feature") != null) {
                throw member.problem("names a feature but no layer");
            }
            return new CityMember(role, null, null, member.text("name_zh"), member.text("name_en"),
                    member.optionalText("group_zh"), member.optionalText("group_en"), member.optionalText("note"));
        }
        String featureId = member.text("feature");
        Map<String, Feature> features = layers.get(layer);
        if (features == null) {
            throw member.problem("names layer \"" + layer + "\", which layers.json does not list");
        }
        Feature feature = features.get(featureId);
        if (feature == null) {
            throw member.problem("names feature \"" + featureId + "\", which is not in layer \"" + layer + "\"");
        }
        String nameZh = member.optionalText("name_zh");
        String nameEn = member.optionalText("name_en");
        return new CityMember(role, layer, featureId,
                nameZh != null ? nameZh : feature.text("name_zh"),
                nameEn != null ? nameEn : feature.text("name_en"),
                member.optionalText("group_zh"), member.optionalText("group_en"), member.optionalText("note"));
    }
}

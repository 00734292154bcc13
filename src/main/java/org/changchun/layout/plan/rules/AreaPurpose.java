package org.changchun.layout.plan.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What one plan area is meant for: the cities (六城) and the industries (六新产业) it serves, and
 * the sources that say so.
 *
 * @param sources ids of {@link RuleSource}s
 */
public record AreaPurpose(
        String layer,
        String feature,
        List<String> cities,
        List<String> industries,
        List<String> sources,
        @JsonInclude(JsonInclude.Include.NON_NULL) String noteZh,
        @JsonInclude(JsonInclude.Include.NON_NULL) String noteEn) {

    public AreaPurpose {
        cities = List.copyOf(cities);
        industries = List.copyOf(industries);
        sources = List.copyOf(sources);
    }

    public boolean serves(String city) {
        return cities.contains(city);
    }
}

package org.changchun.layout.plan.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compliance rules of {@code gis-data/rules.json}, checked when the plan data is loaded: what
 * each plan area is meant for, what it restricts, the rules every site is held to, the kinds of
 * control line and the constraint layers the plan data ships. Every rule names a {@link RuleSource}
 * that exists.
 *
 * @param citySources the source naming each city's areas, by city id
 * @param checksum    identifies the file the book was read from, so a review can say which rules it applied
 */
public record RuleBook(
        String aboutZh,
        String aboutEn,
        Map<String, String> citySources,
        Map<String, RuleSource> sources,
        List<AreaPurpose> areas,
        List<Restriction> restrictions,
        GeneralRules general,
        List<ConstraintKind> constraintKinds,
        List<ConstraintRule> constraints,
        String checksum) {

    /** Before the plan data is loaded. */
    public static final RuleBook EMPTY = new RuleBook("", "", Map.of(), Map.of(), List.of(), List.of(), null,
            List.of(), List.of(), "none");

    public RuleBook {
        citySources = Map.copyOf(citySources);
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        areas = List.copyOf(areas);
        restrictions = List.copyOf(restrictions);
        constraintKinds = List.copyOf(constraintKinds);
        constraints = List.copyOf(constraints);
    }

    /** @throws IllegalArgumentException for an id no rule may name (the reader checked every reference) */
    public RuleSource source(String id) {
        RuleSource source = sources.get(id);
        if (source == null) {
            throw new IllegalArgumentException("no rule source " + id);
        }
        return source;
    }

    public Optional<AreaPurpose> purpose(String layer, String feature) {
        return areas.stream().filter(a -> a.layer().equals(layer) && a.feature().equals(feature)).findFirst();
    }

    public Optional<ConstraintKind> kind(String code) {
        return constraintKinds.stream().filter(k -> k.kind().equals(code)).findFirst();
    }

    /** The areas meant for a city. */
    public List<AreaPurpose> areasServing(String city) {
        return areas.stream().filter(a -> a.serves(city)).toList();
    }
}

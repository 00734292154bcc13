package org.changchun.layout.coverage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FeatureLink;
import org.changchun.layout.feature.LinkRelation;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.query.Filter;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.PolygonTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The totals of the features linked to each plan polygon, added up while a layer's links are staged
 * and read back for coverage answers too big to list: a district of a ten-million-point layer holds
 * more than a million features, which took seconds to read and add up for every question. A single
 * edit of a feature amends them (the feature as it was taken out, as it is put in); the store drops
 * them when the links change otherwise. Each also names the cities and districts it was added up
 * under, and is neither used nor amended under others.
 */
@Component
class KeptTotals implements PolygonTally.Factory {

    private static final Logger log = LoggerFactory.getLogger(KeptTotals.class);

    /** What the store keeps for one polygon. */
    record Kept(String basis, ProjectTotals.State totals) {
    }

    private record Polygon(String layer, String id) {
    }

    private final FeatureStore store;
    private final CityCatalog cities;
    private final DistrictIndex districts;
    private final JsonMapper json;

    KeptTotals(FeatureStore store, CityCatalog cities, DistrictIndex districts, JsonMapper json) {
        this.store = store;
        this.cities = cities;
        this.districts = districts;
        this.json = json;
        store.tallyLinkedFeatures(this);
    }

    @Override
    public PolygonTally start(String sourceLayer) {
        return new Tally(cities.all(), districts.districts());
    }

    /**
     * The totals kept for the features of the layer linked to the polygon, if they still hold; none if
     * they were kept in a form this version does not read (the answer then adds the features up).
     */
    Optional<ProjectSummary> of(String sourceLayer, Filter.LinkedTo polygon) {
        List<City> named = cities.all();
        List<DistrictIndex.District> bounded = districts.districts();
        return store.keptTotals(sourceLayer, polygon.targetLayer(), polygon.targetId(), polygon.containedOnly())
                .flatMap(text -> read(text, named, bounded))
                .map(ProjectTotals::summary);
    }

    /** Kept totals taken up again, if they were kept under these names in a form this version reads. */
    private Optional<ProjectTotals> read(String text, List<City> named, List<DistrictIndex.District> bounded) {
        try {
            Kept kept = json.readValue(text, Kept.class);
            return kept.totals() != null && basis(named, bounded).equals(kept.basis())
                    ? Optional.of(ProjectTotals.resume(kept.totals(), named, bounded)) : Optional.empty();
        } catch (JacksonException e) {
            log.warn("Kept totals not read, so added up again: {}", e.getOriginalMessage());
            return Optional.empty();
        }
    }

    @Override
    public PolygonTally.Amendment amend(Optional<PolygonTally.LinkedFeature> before,
                                        Optional<PolygonTally.LinkedFeature> after) {
        List<City> named = cities.all();
        List<DistrictIndex.District> bounded = districts.districts();
        Optional<Linked> removed = before.map(linked -> new Linked(linked, bounded));
        Optional<Linked> added = after.map(linked -> new Linked(linked, bounded));
        return (targetLayer, targetId, containedOnly, kept) -> {
            Optional<ProjectTotals> totals = kept.isEmpty() ? Optional.of(new ProjectTotals(named, bounded, null))
                    : kept.flatMap(text -> read(text, named, bounded));
            totals.ifPresent(sums -> {
                removed.filter(r -> r.countsIn(targetLayer, targetId, containedOnly))
                        .ifPresent(r -> sums.subtract(r.contribution()));
                added.filter(a -> a.countsIn(targetLayer, targetId, containedOnly))
                        .ifPresent(a -> sums.add(a.contribution()));
            });
            return totals.map(sums -> json.writeValueAsString(new Kept(basis(named, bounded), sums.state())));
        };
    }

    /** A feature of an edit with what it adds to the totals of each polygon it is linked to. */
    private record Linked(PolygonTally.LinkedFeature feature, ProjectTotals.Contribution contribution) {

        Linked(PolygonTally.LinkedFeature feature, List<DistrictIndex.District> districts) {
            this(feature, ProjectTotals.contribution(feature.feature(), districts, soleDistrict(feature.links())));
        }

        boolean countsIn(String targetLayer, String targetId, boolean containedOnly) {
            return feature.links().stream().anyMatch(link -> link.targetLayer().equals(targetLayer)
                    && link.targetId().equals(targetId) && (!containedOnly || link.relation() == LinkRelation.WITHIN));
        }
    }

    /** A digest of the names the totals group by, which a later load of the plan data may change. */
    private static String basis(List<City> cities, List<DistrictIndex.District> districts) {
        StringBuilder names = new StringBuilder();
        cities.forEach(c -> names.append(c.id()).append('\t').append(c.nameZh()).append('\t').append(c.nameEn())
                .append('\n'));
        districts.forEach(d -> names.append(d.adcode()).append('\t').append(d.nameZh()).append('\t')
                .append(d.nameEn()).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(names.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The district that contains the feature when it is linked to no other: the links already tested
     * it against every district, which for a ten-million-point layer is most of what adding it up
     * costs. A feature on a boundary or in an overlap is tested again, by the order of the districts.
     */
    private static String soleDistrict(List<FeatureLink> links) {
        String sole = null;
        int districtLinks = 0;
        for (FeatureLink link : links) {
            if (link.targetLayer().equals(PlanLayers.DISTRICTS)) {
                districtLinks++;
                sole = link.relation() == LinkRelation.WITHIN ? link.targetId() : null;
            }
        }
        return districtLinks == 1 ? sole : null;
    }

    /** One write's tally: per polygon, the totals of the features it contains and of all linked to it. */
    private final class Tally implements PolygonTally {

        private final List<City> cities;
        private final List<DistrictIndex.District> districts;
        private final Map<Polygon, ProjectTotals> contained = new LinkedHashMap<>();
        private final Map<Polygon, ProjectTotals> linked = new LinkedHashMap<>();

        Tally(List<City> cities, List<DistrictIndex.District> districts) {
            this.cities = cities;
            this.districts = districts;
        }

        @Override
        public void add(Feature feature, List<FeatureLink> links) {
            if (links.isEmpty()) {
                return;
            }
            ProjectTotals.Contribution contribution = ProjectTotals.contribution(feature, districts, soleDistrict(links));
            for (FeatureLink link : links) {
                Polygon polygon = new Polygon(link.targetLayer(), link.targetId());
                totalsOf(linked, polygon).add(contribution);
                // every polygon linked to has totals of both kinds, even if it contains none
                ProjectTotals containedTotals = totalsOf(contained, polygon);
                if (link.relation() == LinkRelation.WITHIN) {
                    containedTotals.add(contribution);
                }
            }
        }

        @Override
        public List<PolygonTotals> totals() {
            String basis = basis(cities, districts);
            List<PolygonTotals> totals = new ArrayList<>();
            linked.forEach((polygon, sums) -> {
                totals.add(kept(polygon, true, basis, contained.get(polygon)));
                totals.add(kept(polygon, false, basis, sums));
            });
            return totals;
        }

        private ProjectTotals totalsOf(Map<Polygon, ProjectTotals> totals, Polygon polygon) {
            return totals.computeIfAbsent(polygon, p -> new ProjectTotals(cities, districts, null));
        }

        private PolygonTotals kept(Polygon polygon, boolean containedOnly, String basis, ProjectTotals sums) {
            return new PolygonTotals(polygon.layer(), polygon.id(), containedOnly,
                    json.writeValueAsString(new Kept(basis, sums.state())));
        }
    }
}

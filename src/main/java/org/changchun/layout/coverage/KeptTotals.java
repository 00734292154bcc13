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
import java.util.function.Predicate;
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
 * The totals of a source layer's features, of all of them and of those linked to each plan polygon,
 * added up while the layer's links are staged and read back for statistics of the whole layer and
 * for coverage answers too big to list: a district of a ten-million-point layer holds more than a
 * million features, which took seconds to read and add up for every question, the whole layer half a
 * minute. A single edit of a feature amends them (the feature as it was taken out, as it is put in);
 * the store drops them when the links change otherwise. Each also names the cities and districts it
 * was added up under, and is neither used nor amended under others.
 */
@Component
class KeptTotals implements PolygonTally.Factory {

    private static final Logger log = LoggerFactory.getLogger(KeptTotals.class);

    /** The fields statistics group a whole layer by, besides its cities, statuses and districts. */
    static final List<String> LAYER_GROUP_FIELDS = List.of(ProjectStatistics.Grouping.INDUSTRY.field(),
            ProjectStatistics.Grouping.YEAR.field());

    /** What the store keeps for one polygon or one layer. */
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
        return resumed(store.keptTotals(sourceLayer, polygon.targetLayer(), polygon.targetId(),
                polygon.containedOnly())).map(ProjectTotals::summary);
    }

    /** The totals kept for all the features of the layer, also by {@link #LAYER_GROUP_FIELDS}, if they still hold. */
    Optional<ProjectTotals> ofLayer(String sourceLayer) {
        return resumed(store.keptLayerTotals(sourceLayer));
    }

    private Optional<ProjectTotals> resumed(Optional<String> kept) {
        List<City> named = cities.all();
        List<DistrictIndex.District> bounded = districts.districts();
        return kept.flatMap(text -> read(text, named, bounded));
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

    private String write(ProjectTotals totals, String basis) {
        return json.writeValueAsString(new Kept(basis, totals.state()));
    }

    @Override
    public PolygonTally.Amendment amend(Optional<PolygonTally.LinkedFeature> before,
                                        Optional<PolygonTally.LinkedFeature> after) {
        List<City> named = cities.all();
        List<DistrictIndex.District> bounded = districts.districts();
        String basis = basis(named, bounded);
        Optional<Linked> removed = before.map(linked -> new Linked(linked, bounded));
        Optional<Linked> added = after.map(linked -> new Linked(linked, bounded));
        return new PolygonTally.Amendment() {
            @Override
            public Optional<String> applyToLayer(String kept) {
                return read(kept, named, bounded).map(totals -> amended(totals, linked -> true));
            }

            @Override
            public Optional<String> apply(String targetLayer, String targetId, boolean containedOnly,
                                          Optional<String> kept) {
                Optional<ProjectTotals> totals = kept.isEmpty()
                        ? Optional.of(new ProjectTotals(named, bounded, List.of()))
                        : kept.flatMap(text -> read(text, named, bounded));
                return totals.map(sums ->
                        amended(sums, linked -> linked.countsIn(targetLayer, targetId, containedOnly)));
            }

            /** The totals with the feature as it was taken out and as it is put in, where it counts. */
            private String amended(ProjectTotals totals, Predicate<Linked> countsIn) {
                removed.filter(countsIn).ifPresent(r -> totals.subtract(r.contribution()));
                added.filter(countsIn).ifPresent(a -> totals.add(a.contribution()));
                return write(totals, basis);
            }
        };
    }

    /** A feature of an edit with what it adds to the totals it counts in. */
    private record Linked(PolygonTally.LinkedFeature feature, ProjectTotals.Contribution contribution) {

        Linked(PolygonTally.LinkedFeature feature, List<DistrictIndex.District> districts) {
            this(feature, KeptTotals.contribution(feature.feature(), feature.links(), districts));
        }

        boolean countsIn(String targetLayer, String targetId, boolean containedOnly) {
            return feature.links().stream().anyMatch(link -> link.targetLayer().equals(targetLayer)
                    && link.targetId().equals(targetId) && (!containedOnly || link.relation() == LinkRelation.WITHIN));
        }
    }

    /**
     * What the feature adds, its home district and its area by district worked out among the districts
     * its links name only: the links already tested it against every district, which for a
     * ten-million-point layer is most of what adding it up costs. A feature in one district and no other
     * takes that one whole; a feature in none, nothing by district; one on a boundary or in an overlap
     * is tested against those it is linked to, in the districts' order.
     */
    private static ProjectTotals.Contribution contribution(Feature feature, List<FeatureLink> links,
                                                           List<DistrictIndex.District> districts) {
        int districtLinks = 0;
        String sole = null;
        for (FeatureLink link : links) {
            if (link.targetLayer().equals(PlanLayers.DISTRICTS)) {
                districtLinks++;
                sole = link.relation() == LinkRelation.WITHIN ? link.targetId() : null;
            }
        }
        if (districtLinks == 1 && sole != null) {
            return ProjectTotals.contribution(feature, districts, sole);
        }
        List<DistrictIndex.District> touched = districtLinks == 0 ? List.of() : districts.stream()
                .filter(d -> links.stream().anyMatch(link -> link.targetLayer().equals(PlanLayers.DISTRICTS)
                        && link.targetId().equals(d.adcode())))
                .toList();
        return ProjectTotals.contribution(feature, touched, null);
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

    /** One write's tally: of all its features, and per polygon, of those it contains and of all linked to it. */
    private final class Tally implements PolygonTally {

        private final List<City> cities;
        private final List<DistrictIndex.District> districts;
        private final ProjectTotals all;
        private final Map<Polygon, ProjectTotals> contained = new LinkedHashMap<>();
        private final Map<Polygon, ProjectTotals> linked = new LinkedHashMap<>();

        Tally(List<City> cities, List<DistrictIndex.District> districts) {
            this.cities = cities;
            this.districts = districts;
            this.all = new ProjectTotals(cities, districts, LAYER_GROUP_FIELDS);
        }

        @Override
        public void add(Feature feature, List<FeatureLink> links) {
            ProjectTotals.Contribution contribution = contribution(feature, links, districts);
            all.add(contribution);
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
        public Tallied totals() {
            String basis = basis(cities, districts);
            List<PolygonTotals> totals = new ArrayList<>();
            linked.forEach((polygon, sums) -> {
                totals.add(kept(polygon, true, basis, contained.get(polygon)));
                totals.add(kept(polygon, false, basis, sums));
            });
            return new Tallied(write(all, basis), totals);
        }

        private ProjectTotals totalsOf(Map<Polygon, ProjectTotals> totals, Polygon polygon) {
            return totals.computeIfAbsent(polygon, p -> new ProjectTotals(cities, districts, List.of()));
        }

        private PolygonTotals kept(Polygon polygon, boolean containedOnly, String basis, ProjectTotals sums) {
            return new PolygonTotals(polygon.layer(), polygon.id(), containedOnly, write(sums, basis));
        }
    }
}

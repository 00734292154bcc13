package org.changchun.layout.coverage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.limits.LimitsProperties;
import org.changchun.layout.ogc.cql2.Cql2Text;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.projects.ProjectFields;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.store.FeatureStore;
import org.springframework.stereotype.Service;

/**
 * Statistics of the project library (or an imported layer) by district, city, status, industry or start
 * year, of the features a CQL2 filter selects: added up by the same rules as the coverage answers
 * ({@link ProjectTotals}), so the same selection gives the same totals in both.
 */
@Service
class ProjectStatistics {

    /** What features are grouped by. */
    enum Grouping {
        DISTRICT(null), CITY(ProjectFields.CITY), STATUS(ProjectFields.STATUS), INDUSTRY("industry"), YEAR("start_year");

        /** The field whose values the groups are; null for districts, which come from the geometry. */
        private final String field;

        Grouping(String field) {
            this.field = field;
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        String field() {
            return field;
        }

        static Grouping of(String text) {
            if (text == null || text.isBlank()) {
                return DISTRICT;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("group 应为 district、city、status、industry 或 year：" + text,
                        "group must be district, city, status, industry or year, not '" + text + "'");
            }
        }
    }

    /** Which total a chart or a choropleth shows. */
    enum Measure {
        COUNT, INVESTMENT, AREA;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Measure of(String text) {
            if (text == null || text.isBlank()) {
                return COUNT;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("measure 应为 count、investment 或 area：" + text,
                        "measure must be count, investment or area, not '" + text + "'");
            }
        }

        double of(ProjectSummary.Group group) {
            return switch (this) {
                case COUNT -> group.count();
                case INVESTMENT -> group.investmentCny100m();
                case AREA -> group.areaKm2();
            };
        }
    }

    /**
     * @param sample   whether any feature counted is marked {@code sample: true} (invented figures)
     * @param accuracy the source layer's accuracy ({@code schematic}: its areas are of drawn shapes), or null
     */
    record Answer(String source, Grouping grouping, Measure measure, ProjectSummary.Totals total,
                  List<ProjectSummary.Group> groups, boolean sample, String accuracy) {

        boolean schematic() {
            return SCHEMATIC.equals(accuracy);
        }
    }

    private static final String SCHEMATIC = "schematic";

    private final LayerCatalog catalog;
    private final FeatureStore store;
    private final CityCatalog cities;
    private final DistrictIndex districts;
    private final LimitsProperties limits;
    private final KeptTotals keptTotals;

    ProjectStatistics(LayerCatalog catalog, FeatureStore store, CityCatalog cities, DistrictIndex districts,
                      LimitsProperties limits, KeptTotals keptTotals) {
        this.catalog = catalog;
        this.store = store;
        this.cities = cities;
        this.districts = districts;
        this.limits = limits;
        this.keptTotals = keptTotals;
    }

    Answer of(String sourceLayer, Grouping grouping, Measure measure, String cql2) {
        LayerInfo layer = catalog.get(sourceLayer);
        if (grouping.field() != null && layer.field(grouping.field()).isEmpty()) {
            // grouped by a field the layer lacks, every feature would fall in no group: say so instead
            throw new InvalidQueryException("图层“" + layer.id() + "”没有字段“" + grouping.field() + "”，不能按 "
                    + grouping.code() + " 分组；可用 group=district", "layer '" + layer.id() + "' has no field '"
                    + grouping.field() + "' to group by " + grouping.code() + "; group=district works for every layer");
        }
        Filter filter = cql2 == null || cql2.isBlank() ? null
                : Cql2Text.parse(cql2, ApiCrs.CRS84, limits.cql2MaxDepth(), limits.cql2MaxLength());
        // the whole layer's totals are kept from its last write; a selection's are added up as its
        // features stream past, so a layer of millions needs no more memory than a few
        Optional<ProjectTotals> kept = filter == null ? keptTotals.ofLayer(layer.id()) : Optional.empty();
        ProjectTotals totals = kept.orElseGet(() -> store.readMatching(new FeatureQuery(layer.id(), Optional.empty(),
                filter, List.of(), FeatureQuery.NO_LIMIT, 0), features -> {
                    ProjectTotals sums = new ProjectTotals(cities.all(), districts.districts(),
                            grouping.field() == null ? List.of() : List.of(grouping.field()));
                    features.forEach(sums::add);
                    return sums;
                }));
        ProjectSummary summary = totals.summary();
        List<ProjectSummary.Group> groups = switch (grouping) {
            case DISTRICT -> summary.byDistrict();
            case CITY -> summary.byCity();
            case STATUS -> summary.byStatus();
            case INDUSTRY, YEAR -> totals.byField(grouping.field());
        };
        return new Answer(layer.id(), grouping, measure, summary.total(), groups, summary.sample(),
                layer.description().accuracy());
    }
}

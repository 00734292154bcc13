package org.changchun.layout.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.changchun.layout.geo.GeodesicArea;
import org.changchun.layout.plan.City;
import org.changchun.layout.projects.ProjectFields;
import org.changchun.layout.feature.Feature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Adds up features into a {@link ProjectSummary}, and optionally by the values of more properties, in
 * one pass over features read in any order: a list, or a stream of any length. The running sums can be
 * kept ({@link #state()}), taken up again and amended: a feature taken out, another put in.
 */
final class ProjectTotals {

    /**
     * The running sums, unrounded, with how many features named a city, a status or were samples, and
     * by the values of each group field.
     */
    record State(Group total, List<Group> byCity, List<Group> byStatus, List<Group> byDistrict,
                 Map<String, List<Group>> byField, long withCity, long withStatus, long samples) {
    }

    /** One group's running sums. */
    record Group(String key, String nameZh, String nameEn, long count, double investment, double area) {
    }

    /**
     * What one feature adds to every total it counts in, worked out once: a tally adds a feature to
     * its layer's totals and to those of each plan polygon it lies in.
     *
     * @param city           the feature's city, null for none; {@code namesCity} when it has the property at all
     * @param status         the same for its status
     * @param homeDistrict    the district holding the feature's interior point, null for none
     * @param areaByDistrict  the km² of the feature in each district it covers; empty for a point or a line
     */
    record Contribution(Feature feature, boolean sample, double investment, double area, String city,
                        boolean namesCity, String status, boolean namesStatus, String homeDistrict,
                        Map<String, Double> areaByDistrict) {
    }

    /** The property that marks a feature's figures as invented. */
    private static final String SAMPLE = "sample";

    private static final class Sum {
        final String key;
        final String nameZh;
        final String nameEn;
        /** A group of the catalog, listed even when empty; others go when their last feature does. */
        final boolean standing;
        long count;
        double investment;
        double area;

        Sum(String key, String nameZh, String nameEn, boolean standing) {
            this.key = key;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
            this.standing = standing;
        }

        static Sum of(String key) {
            return new Sum(key, key, key, false);
        }

        ProjectSummary.Group group() {
            return new ProjectSummary.Group(key, nameZh, nameEn, count, round(investment), CoverageAreas.round(area));
        }

        Group state() {
            return new Group(key, nameZh, nameEn, count, investment, area);
        }
    }

    private final List<DistrictIndex.District> districts;
    private final List<String> groupFields;
    private final Sum total = new Sum(null, null, null, true);
    private final Map<String, Sum> byCity = new LinkedHashMap<>();
    private final Map<String, Sum> byStatus = new LinkedHashMap<>();
    private final Map<String, Sum> byDistrict = new LinkedHashMap<>();
    /** Per group field, in the order given, the sums by its values in their order. */
    private final Map<String, Map<String, Sum>> byField = new LinkedHashMap<>();
    private long withCity;
    private long withStatus;
    private long samples;

    /**
     * @param groupFields properties whose values {@link #byField} groups by (industry, start year), none or more
     *                   null for none
     */
    ProjectTotals(List<City> cities, List<DistrictIndex.District> districts, List<String> groupFields) {
        this.districts = districts;
        this.groupFields = groupFields;
        groupFields.forEach(field -> byField.put(field, new TreeMap<>()));
        cities.forEach(c -> byCity.put(c.id(), new Sum(c.id(), c.nameZh(), c.nameEn(), true)));
        ProjectFields.STATUS_NAMES.keySet().stream().sorted().forEach(s -> byStatus.put(s,
                new Sum(s, ProjectFields.STATUS_NAMES.get(s)[0], ProjectFields.STATUS_NAMES.get(s)[1], true)));
        districts.forEach(d -> byDistrict.put(d.adcode(), new Sum(d.adcode(), d.nameZh(), d.nameEn(), true)));
    }

    /** Totals kept as {@link #state()} under these cities and districts, taken up again. */
    static ProjectTotals resume(State state, List<City> cities, List<DistrictIndex.District> districts) {
        ProjectTotals totals = new ProjectTotals(cities, districts, List.copyOf(state.byField().keySet()));
        totals.resume(totals.total, state.total());
        state.byCity().forEach(group -> totals.resume(totals.byCity, group));
        state.byStatus().forEach(group -> totals.resume(totals.byStatus, group));
        state.byDistrict().forEach(group -> totals.resume(totals.byDistrict, group));
        state.byField().forEach((field, groups) ->
                groups.forEach(group -> totals.resume(totals.byField.get(field), group)));
        totals.withCity = state.withCity();
        totals.withStatus = state.withStatus();
        totals.samples = state.samples();
        return totals;
    }

    private void resume(Map<String, Sum> sums, Group group) {
        resume(sums.computeIfAbsent(group.key(), k -> new Sum(k, group.nameZh(), group.nameEn(), false)), group);
    }

    private void resume(Sum sum, Group group) {
        sum.count = group.count();
        sum.investment = group.investment();
        sum.area = group.area();
    }

    /** The running sums, to be kept and {@linkplain #resume resumed}. */
    State state() {
        Map<String, List<Group>> fields = new LinkedHashMap<>();
        byField.forEach((field, sums) -> fields.put(field, states(sums)));
        return new State(total.state(), states(byCity), states(byStatus), states(byDistrict), fields, withCity,
                withStatus, samples);
    }

    private static List<Group> states(Map<String, Sum> sums) {
        return sums.values().stream().map(Sum::state).toList();
    }

    /** The totals of the features. */
    static ProjectSummary of(Iterable<Feature> features, List<City> cities, List<DistrictIndex.District> districts) {
        ProjectTotals totals = new ProjectTotals(cities, districts, List.of());
        features.forEach(totals::add);
        return totals.summary();
    }

    /** What the feature adds to totals over these districts. */
    static Contribution contribution(Feature feature, List<DistrictIndex.District> districts) {
        return contribution(feature, districts, null);
    }

    /**
     * @param soleDistrict the district known to contain the feature while no other touches it (from its
     *                     links), which settles its home and its area without testing the districts; null
     *                     when not known
     */
    static Contribution contribution(Feature feature, List<DistrictIndex.District> districts, String soleDistrict) {
        double investment = feature.properties().get(ProjectFields.INVESTMENT) instanceof Number n
                ? n.doubleValue() : 0;
        Geometry geometry = feature.geometry();
        double area = GeodesicArea.squareKilometres(geometry);
        String home = soleDistrict != null ? soleDistrict : home(geometry, districts);
        Map<String, Double> areaByDistrict = area == 0 ? Map.of()
                : soleDistrict != null ? Map.of(soleDistrict, area) : areaByDistrict(geometry, districts);
        Map<String, Object> properties = feature.properties();
        return new Contribution(feature, Boolean.TRUE.equals(properties.get(SAMPLE)), investment, area,
                feature.text(ProjectFields.CITY), properties.containsKey(ProjectFields.CITY),
                feature.text(ProjectFields.STATUS), properties.containsKey(ProjectFields.STATUS), home, areaByDistrict);
    }

    private static String home(Geometry geometry, List<DistrictIndex.District> districts) {
        Point interior = geometry instanceof Point point ? point : geometry.getInteriorPoint();
        for (DistrictIndex.District district : districts) {
            if (district.prepared().covers(interior)) {
                return district.adcode();
            }
        }
        return null;
    }

    private static Map<String, Double> areaByDistrict(Geometry geometry, List<DistrictIndex.District> districts) {
        Map<String, Double> areas = new LinkedHashMap<>();
        for (DistrictIndex.District district : districts) {
            if (district.prepared().intersects(geometry)) {
                areas.put(district.adcode(), district.pieces().squareKilometresOf(geometry));
            }
        }
        return areas;
    }

    void add(Feature feature) {
        add(contribution(feature, districts));
    }

    void add(Contribution contribution) {
        change(contribution, 1);
    }

    /** Takes out a feature added before, with what it contributed then. */
    void subtract(Contribution contribution) {
        change(contribution, -1);
    }

    private void change(Contribution contribution, int sign) {
        Feature feature = contribution.feature();
        samples += contribution.sample() ? sign : 0;
        double investment = sign * contribution.investment();
        double area = sign * contribution.area();
        change(total, sign, investment, area);
        withCity += contribution.namesCity() ? sign : 0;
        if (contribution.city() != null) {
            change(byCity, contribution.city(), sign, investment, area, Sum::of);
        }
        withStatus += contribution.namesStatus() ? sign : 0;
        if (contribution.status() != null) {
            change(byStatus, contribution.status(), sign, investment, area, Sum::of);
        }
        changeDistricts(contribution, sign);
        for (String field : groupFields) {
            String value = feature.text(field);
            change(byField.get(field), value == null ? "" : value, sign, investment, area, ProjectTotals::fieldValue);
        }
    }

    ProjectSummary summary() {
        return new ProjectSummary(
                new ProjectSummary.Totals(total.count, round(total.investment), CoverageAreas.round(total.area)),
                withCity > 0 ? groups(byCity) : List.of(), withStatus > 0 ? groups(byStatus) : List.of(),
                groups(byDistrict), samples > 0);
    }

    /**
     * Totals by the values of one of the group fields, in the order of the values; features without a
     * value are grouped under an empty key, named 未填 / not given.
     */
    List<ProjectSummary.Group> byField(String field) {
        return groups(byField.get(field));
    }

    private static Sum fieldValue(String value) {
        return value.isEmpty() ? new Sum(value, "未填", "not given", false) : Sum.of(value);
    }

    private void changeDistricts(Contribution contribution, int sign) {
        Sum home = contribution.homeDistrict() == null ? null : byDistrict.get(contribution.homeDistrict());
        if (home != null) {
            home.count += sign;
            home.investment = home.count == 0 ? 0 : home.investment + sign * contribution.investment();
        }
        contribution.areaByDistrict().forEach((adcode, area) -> byDistrict.get(adcode).area += sign * area);
    }

    private static void change(Map<String, Sum> sums, String key, int sign, double investment, double area,
                               Function<String, Sum> group) {
        Sum sum = sums.computeIfAbsent(key, group);
        change(sum, sign, investment, area);
        if (sum.count == 0 && !sum.standing) {
            sums.remove(key);
        }
    }

    /** A group's sums; once it holds no feature, exactly nothing, whatever the rounding of adding and taking out. */
    private static void change(Sum sum, int sign, double investment, double area) {
        sum.count += sign;
        sum.investment = sum.count == 0 ? 0 : sum.investment + investment;
        sum.area = sum.count == 0 ? 0 : sum.area + area;
    }

    private static List<ProjectSummary.Group> groups(Map<String, Sum> sums) {
        List<ProjectSummary.Group> groups = new ArrayList<>();
        sums.values().forEach(s -> groups.add(s.group()));
        return groups;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100d;
    }
}

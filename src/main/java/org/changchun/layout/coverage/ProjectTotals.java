package org.changchun.layout.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.changchun.layout.geo.GeodesicArea;
import org.changchun.layout.plan.City;
import org.changchun.layout.projects.ProjectFields;
import org.changchun.layout.feature.Feature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Adds up features into a {@link ProjectSummary}, and optionally by the values of one more property,
 * in one pass over features read in any order: a list, or a stream of any length.
 */
final class ProjectTotals {

    /**
     * What one feature adds to every total it counts in, worked out once: a tally adds a feature to
     * the totals of each plan polygon it lies in.
     *
     * @param homeDistrict    the district holding the feature's interior point, null for none
     * @param areaByDistrict  the km² of the feature in each district it covers; empty for a point or a line
     */
    record Contribution(Feature feature, boolean sample, double investment, double area, String homeDistrict,
                        Map<String, Double> areaByDistrict) {
    }

    /** The property that marks a feature's figures as invented. */
    private static final String SAMPLE = "sample";

    private static final class Sum {
        final String key;
        final String nameZh;
        final String nameEn;
        long count;
        double investment;
        double area;

        Sum(String key, String nameZh, String nameEn) {
            this.key = key;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        ProjectSummary.Group group() {
            return new ProjectSummary.Group(key, nameZh, nameEn, count, round(investment), CoverageAreas.round(area));
        }
    }

    private final List<DistrictIndex.District> districts;
    private final String groupField;
    private final Sum total = new Sum(null, null, null);
    private final Map<String, Sum> byCity = new LinkedHashMap<>();
    private final Map<String, Sum> byStatus = new LinkedHashMap<>();
    private final Map<String, Sum> byDistrict = new LinkedHashMap<>();
    private final Map<String, Sum> byField = new TreeMap<>();
    private boolean hasCity;
    private boolean hasStatus;
    private boolean sample;

    /**
     * @param groupField a property whose values {@link #byField()} groups by (industry, start year), or
     *                   null for none
     */
    ProjectTotals(List<City> cities, List<DistrictIndex.District> districts, String groupField) {
        this.districts = districts;
        this.groupField = groupField;
        cities.forEach(c -> byCity.put(c.id(), new Sum(c.id(), c.nameZh(), c.nameEn())));
        ProjectFields.STATUS_NAMES.keySet().stream().sorted().forEach(s -> byStatus.put(s,
                new Sum(s, ProjectFields.STATUS_NAMES.get(s)[0], ProjectFields.STATUS_NAMES.get(s)[1])));
        districts.forEach(d -> byDistrict.put(d.adcode(), new Sum(d.adcode(), d.nameZh(), d.nameEn())));
    }

    /** The totals of the features. */
    static ProjectSummary of(Iterable<Feature> features, List<City> cities, List<DistrictIndex.District> districts) {
        ProjectTotals totals = new ProjectTotals(cities, districts, null);
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
        return new Contribution(feature, Boolean.TRUE.equals(feature.properties().get(SAMPLE)), investment, area,
                home, areaByDistrict);
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
                areas.put(district.adcode(), GeodesicArea.squareKilometres(geometry.intersection(district.geometry())));
            }
        }
        return areas;
    }

    void add(Feature feature) {
        add(contribution(feature, districts));
    }

    void add(Contribution contribution) {
        Feature feature = contribution.feature();
        sample |= contribution.sample();
        double investment = contribution.investment();
        double area = contribution.area();
        add(total, investment, area);
        String city = feature.text(ProjectFields.CITY);
        hasCity |= feature.properties().containsKey(ProjectFields.CITY);
        if (city != null) {
            add(byCity.computeIfAbsent(city, k -> new Sum(k, k, k)), investment, area);
        }
        String status = feature.text(ProjectFields.STATUS);
        hasStatus |= feature.properties().containsKey(ProjectFields.STATUS);
        if (status != null) {
            add(byStatus.computeIfAbsent(status, k -> new Sum(k, k, k)), investment, area);
        }
        addToDistricts(contribution);
        if (groupField != null) {
            String value = feature.text(groupField);
            String key = value == null ? "" : value;
            add(byField.computeIfAbsent(key, k -> k.isEmpty() ? new Sum(k, "未填", "not given") : new Sum(k, k, k)),
                    investment, area);
        }
    }

    ProjectSummary summary() {
        return new ProjectSummary(
                new ProjectSummary.Totals(total.count, round(total.investment), CoverageAreas.round(total.area)),
                hasCity ? groups(byCity) : List.of(), hasStatus ? groups(byStatus) : List.of(), groups(byDistrict),
                sample);
    }

    /**
     * Totals by the values of the group field, in the order of the values; features without a value
     * are grouped under an empty key, named 未填 / not given.
     */
    List<ProjectSummary.Group> byField() {
        return groups(byField);
    }

    private void addToDistricts(Contribution contribution) {
        Sum home = contribution.homeDistrict() == null ? null : byDistrict.get(contribution.homeDistrict());
        if (home != null) {
            home.count++;
            home.investment += contribution.investment();
        }
        contribution.areaByDistrict().forEach((adcode, area) -> byDistrict.get(adcode).area += area);
    }

    private static void add(Sum sum, double investment, double area) {
        sum.count++;
        sum.investment += investment;
        sum.area += area;
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

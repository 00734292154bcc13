package org.changchun.layout.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.geo.GeodesicArea;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/**
 * Which districts support each city: those named as members (with the role the plan states), and
 * those a member zone, belt or corridor overlaps by at least {@link OverlayProperties#minShare()}
 * of its area (measured on the ellipsoid), which are derived (see {@link LinkBasis}). Only members
 * of {@link LayerKind#PLAN_AREA} layers are overlaid: a provincial base that covers half the city
 * is context, not a reason for a district to support anything. The answer only changes with the
 * plan polygons, so it is kept until their data version changes.
 */
@Service
public class CitySupport {

    private record Memo(String key, List<City> cities, Map<String, List<DistrictSupport>> districtsByCity) {
    }

    private final FeatureStore store;
    private final CityCatalog cities;
    private final OverlayProperties overlay;
    private volatile Memo memo;

    CitySupport(FeatureStore store, CityCatalog cities, OverlayProperties overlay) {
        this.store = store;
        this.cities = cities;
        this.overlay = overlay;
    }

    /** The districts supporting a city, ordered by adcode. */
    public List<DistrictSupport> districtsOf(City city) {
        return districtsByCity().getOrDefault(city.id(), List.of());
    }

    /** The cities a district supports, each with the district's role and reasons in it. */
    public Map<City, DistrictSupport> citiesOf(String adcode) {
        Map<City, DistrictSupport> result = new LinkedHashMap<>();
        Map<String, List<DistrictSupport>> byCity = districtsByCity();
        for (City city : cities.all()) {
            byCity.getOrDefault(city.id(), List.of()).stream()
                    .filter(d -> d.adcode().equals(adcode))
                    .findFirst()
                    .ifPresent(d -> result.put(city, d));
        }
        return result;
    }

    private Map<String, List<DistrictSupport>> districtsByCity() {
        List<City> current = cities.all();
        List<LayerInfo> planAreas = store.layers().stream().filter(l -> l.kind() == LayerKind.PLAN_AREA).toList();
        String key = planAreas.stream().map(l -> l.id() + ":" + l.dataVersion()).collect(Collectors.joining(","));
        Memo known = memo;
        if (known != null && known.key().equals(key) && known.cities() == current) {
            return known.districtsByCity();
        }
        Map<String, Feature> districts = store.features(PlanLayers.DISTRICTS).stream()
                .collect(Collectors.toMap(Feature::id, f -> f, (a, b) -> a, LinkedHashMap::new));
        Set<String> overlaid = planAreas.stream().map(LayerInfo::id).collect(Collectors.toSet());
        Map<String, List<DistrictSupport>> computed = new LinkedHashMap<>();
        for (City city : current) {
            computed.put(city.id(), compute(city, districts, overlaid));
        }
        memo = new Memo(key, current, computed);
        return computed;
    }

    private List<DistrictSupport> compute(City city, Map<String, Feature> districts, Set<String> overlaid) {
        Map<String, List<SupportReason>> reasons = new LinkedHashMap<>();
        city.spatialMembers().forEach(member -> {
            if (member.layer().equals(PlanLayers.DISTRICTS)) {
                reasons.computeIfAbsent(member.feature(), k -> new ArrayList<>()).add(SupportReason.member(member));
            } else if (overlaid.contains(member.layer())) {
                overlaps(member).forEach((adcode, reason) ->
                        reasons.computeIfAbsent(adcode, k -> new ArrayList<>()).add(reason));
            }
        });
        return reasons.entrySet().stream()
                .filter(e -> districts.containsKey(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> support(districts.get(e.getKey()), e.getValue()))
                .toList();
    }

    /**
     * The role the plan states for a district it names wins over any the overlaps suggest: the
     * zones are schematic, so a lead zone overlapping a district does not make the district lead.
     * A district reached only through an overlap is derived, and shown as support at most.
     */
    private static DistrictSupport support(Feature district, List<SupportReason> reasons) {
        Optional<MemberRole> stated = reasons.stream().filter(SupportReason::isStated)
                .map(r -> MemberRole.fromCode(r.role()).orElseThrow())
                .reduce(MemberRole::strongest);
        LinkBasis basis = stated.isPresent() ? LinkBasis.PLAN : LinkBasis.DERIVED;
        return new DistrictSupport(district.id(), district.text("name_zh"), district.text("name_en"),
                stated.orElse(MemberRole.SUPPORT).code(), basis.code(), List.copyOf(reasons));
    }

    private Map<String, SupportReason> overlaps(CityMember member) {
        Map<String, SupportReason> result = new LinkedHashMap<>();
        Geometry zone = store.feature(member.layer(), member.feature()).map(Feature::geometry).orElse(null);
        if (zone == null) {
            return result;
        }
        double zoneArea = GeodesicArea.squareKilometres(zone);
        if (zoneArea <= 0) {
            return result;
        }
        for (Feature district : store.intersecting(PlanLayers.DISTRICTS, zone, Integer.MAX_VALUE)) {
            double shared = GeodesicArea.squareKilometres(zone.intersection(district.geometry()));
            if (shared / zoneArea >= overlay.minShare()) {
                result.put(district.id(), SupportReason.overlay(member, shared, shared / zoneArea));
            }
        }
        return result;
    }
}

package org.changchun.layout.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.geo.GeodesicArea;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityMember;
import org.changchun.layout.plan.CitySupport;
import org.changchun.layout.plan.DistrictSupport;
import org.changchun.layout.plan.LinkBasis;
import org.changchun.layout.plan.MemberRole;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Service;

/**
 * A city's footprint: the union of the lead areas the plan names, of the supporting areas it
 * names, and of both, with the projects that lie in it; and, apart, the districts linked to the
 * city only because one of its schematic zones overlaps them, which are not part of the footprint.
 */
@Service
class CityFootprint {

    /**
     * One of the unions: {@code kind} is "lead", "support", "footprint" (basis plan) or "derived".
     *
     * @param districts for the derived part, the adcodes of its districts; empty otherwise
     */
    record Part(String kind, LinkBasis basis, Geometry geometry, double areaKm2, List<String> districts) {
    }

    record Answer(City city, List<Part> parts, ProjectsInArea.Answer projects) {
    }

    private final FeatureStore store;
    private final CitySupport support;
    private final ProjectsInArea projects;

    CityFootprint(FeatureStore store, CitySupport support, ProjectsInArea projects) {
        this.store = store;
        this.support = support;
        this.projects = projects;
    }

    /**
     * Only the polygons of plan-area members make up the footprint: the sites a city names are
     * points, and the provincial corridors and bases it is tied into lie mostly beyond the city.
     */
    Answer of(City city) {
        Set<String> planAreas = store.layers().stream().filter(l -> l.kind() == LayerKind.PLAN_AREA)
                .map(LayerInfo::id).collect(Collectors.toSet());
        List<Geometry> lead = new ArrayList<>();
        List<Geometry> supporting = new ArrayList<>();
        for (CityMember member : city.spatialMembers().filter(m -> planAreas.contains(m.layer())).toList()) {
            store.feature(member.layer(), member.feature()).filter(feature -> feature.geometry() instanceof Polygonal)
                    .ifPresent(feature -> (member.role() == MemberRole.LEAD ? lead : supporting).add(feature.geometry()));
        }
        List<Geometry> all = new ArrayList<>(lead);
        all.addAll(supporting);
        Geometry footprint = union(all);
        List<String> derivedDistricts = support.districtsOf(city).stream()
                .filter(district -> !district.isStated()).map(DistrictSupport::adcode).toList();
        List<Geometry> derived = new ArrayList<>();
        for (String adcode : derivedDistricts) {
            store.feature(PlanLayers.DISTRICTS, adcode).ifPresent(district -> derived.add(district.geometry()));
        }
        List<Part> parts = List.of(
                part("lead", LinkBasis.PLAN, union(lead), List.of()),
                part("support", LinkBasis.PLAN, union(supporting), List.of()),
                part("footprint", LinkBasis.PLAN, footprint, List.of()),
                part("derived", LinkBasis.DERIVED, union(derived), derivedDistricts));
        CoverageArea area = new CoverageArea(null, null, city.nameZh() + "范围", city.nameEn() + " footprint",
                CoverageAreas.round(GeodesicArea.squareKilometres(footprint)), footprint);
        return new Answer(city, parts, projects.find(area, PlanLayers.PROJECTS, CoverageMode.INTERSECTS, null));
    }

    private static Part part(String kind, LinkBasis basis, Geometry geometry, List<String> districts) {
        return new Part(kind, basis, geometry, CoverageAreas.round(GeodesicArea.squareKilometres(geometry)), districts);
    }

    private static Geometry union(List<Geometry> geometries) {
        if (geometries.isEmpty()) {
            Geometry empty = new GeometryFactory().createMultiPolygon();
            empty.setSRID(4326);
            return empty;
        }
        Geometry union = UnaryUnionOp.union(geometries);
        union.setSRID(4326);
        return union;
    }
}

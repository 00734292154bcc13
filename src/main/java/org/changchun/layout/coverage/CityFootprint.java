package org.changchun.layout.coverage;

import java.util.ArrayList;
import java.util.List;
import org.changchun.layout.geo.GeodesicArea;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityMember;
import org.changchun.layout.plan.MemberRole;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Service;

/**
 * A city's footprint: the union of its lead areas, of its supporting areas, and of both, with the
 * projects that lie in it.
 */
@Service
class CityFootprint {

    /** One of the unions: {@code kind} is "lead", "support" or "footprint". */
    record Part(String kind, Geometry geometry, double areaKm2) {
    }

    record Answer(City city, List<Part> parts, ProjectsInArea.Answer projects) {
    }

    private final FeatureStore store;
    private final ProjectsInArea projects;

    CityFootprint(FeatureStore store, ProjectsInArea projects) {
        this.store = store;
        this.projects = projects;
    }

    Answer of(City city) {
        List<Geometry> lead = new ArrayList<>();
        List<Geometry> supporting = new ArrayList<>();
        for (CityMember member : city.spatialMembers().toList()) {
            store.feature(member.layer(), member.feature()).ifPresent(feature ->
                    (member.role() == MemberRole.LEAD ? lead : supporting).add(feature.geometry()));
        }
        List<Part> parts = new ArrayList<>();
        Geometry leadUnion = union(lead);
        Geometry supportUnion = union(supporting);
        List<Geometry> all = new ArrayList<>(lead);
        all.addAll(supporting);
        Geometry footprint = union(all);
        parts.add(part("lead", leadUnion));
        parts.add(part("support", supportUnion));
        parts.add(part("footprint", footprint));
        CoverageArea area = new CoverageArea(null, null, city.nameZh() + "范围", city.nameEn() + " footprint",
                CoverageAreas.round(GeodesicArea.squareKilometres(footprint)), footprint);
        return new Answer(city, parts, projects.find(area, PlanLayers.PROJECTS, CoverageMode.INTERSECTS, null));
    }

    private static Part part(String kind, Geometry geometry) {
        return new Part(kind, geometry, CoverageAreas.round(GeodesicArea.squareKilometres(geometry)));
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

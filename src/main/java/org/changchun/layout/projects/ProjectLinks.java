package org.changchun.layout.projects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FeatureLink;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.plan.CityMember;
import org.changchun.layout.plan.LinkBasis;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.store.FeatureStore;
import org.springframework.stereotype.Service;

/** Resolves a project's stored links into the districts, areas and cities it belongs to. */
@Service
class ProjectLinks {

    private final FeatureStore store;
    private final CityCatalog cities;

    ProjectLinks(FeatureStore store, CityCatalog cities) {
        this.store = store;
        this.cities = cities;
    }

    ProjectDetails details(String projectId) {
        Feature project = store.feature(PlanLayers.PROJECTS, projectId)
                .orElseThrow(() -> new ProjectNotFoundException(projectId));
        List<FeatureLink> links = store.linksFrom(PlanLayers.PROJECTS, projectId);
        Map<String, LayerInfo> layers = store.layers().stream()
                .collect(Collectors.toMap(LayerInfo::id, Function.identity()));
        List<ProjectDetails.LinkedDistrict> districts = new ArrayList<>();
        List<ProjectDetails.LinkedArea> areas = new ArrayList<>();
        for (FeatureLink link : links) {
            Optional<Feature> target = store.feature(link.targetLayer(), link.targetId());
            String nameZh = target.map(t -> t.text("name_zh")).orElse(null);
            String nameEn = target.map(t -> t.text("name_en")).orElse(null);
            if (link.targetLayer().equals(PlanLayers.DISTRICTS)) {
                districts.add(new ProjectDetails.LinkedDistrict(link.targetId(), nameZh, nameEn,
                        link.relation().code()));
            } else {
                LayerInfo layer = layers.get(link.targetLayer());
                areas.add(new ProjectDetails.LinkedArea(link.targetLayer(), layer == null ? null : layer.description().titleZh(),
                        layer == null ? null : layer.description().titleEn(), link.targetId(), nameZh, nameEn,
                        link.relation().code()));
            }
        }
        return new ProjectDetails("Feature", project.id(), project.properties(), project.geometry(),
                new ProjectDetails.Linked(districts, areas, cities(project, links)));
    }

    private List<ProjectDetails.LinkedCity> cities(Feature project, List<FeatureLink> links) {
        String served = project.text("city");
        List<ProjectDetails.LinkedCity> result = new ArrayList<>();
        for (City city : cities.all()) {
            List<ProjectDetails.CityRole> roles = city.spatialMembers()
                    .filter(member -> isLinkedTo(links, member))
                    .map(member -> new ProjectDetails.CityRole(member.role().code(), member.layer(), member.feature(),
                            member.nameZh(), member.nameEn()))
                    .toList();
            boolean serves = city.id().equals(served);
            if (serves || !roles.isEmpty()) {
                LinkBasis basis = serves ? LinkBasis.DECLARED : LinkBasis.DERIVED;
                result.add(new ProjectDetails.LinkedCity(city.id(), city.nameZh(), city.nameEn(), city.colour(),
                        serves, basis.code(), roles));
            }
        }
        return result;
    }

    private static boolean isLinkedTo(List<FeatureLink> links, CityMember member) {
        return links.stream().anyMatch(l -> l.targetLayer().equals(member.layer())
                && l.targetId().equals(member.feature()));
    }
}

package org.changchun.layout.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.web.JsonObject;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cities")
@Tag(name = "六城 Six cities")
class FootprintController {

    private final CityCatalog cities;
    private final CityFootprint footprint;

    FootprintController(CityCatalog cities, CityFootprint footprint) {
        this.cities = cities;
        this.footprint = footprint;
    }

    @GetMapping("/{id}/footprint")
    @Operation(summary = "一城的范围与项目 / a city's footprint and its projects",
            description = "GeoJSON: the union of the city's lead areas (kind=lead), of its supporting areas "
                    + "(kind=support) and of both (kind=footprint), each with its geodesic area, then the projects "
                    + "that lie in the footprint (kind=project), with totals in `summary`")
    ResponseEntity<?> footprint(@PathVariable String id) {
        City city = cities.get(id);
        CityFootprint.Answer answer = footprint.of(city);
        List<Map<String, Object>> features = new ArrayList<>();
        for (CityFootprint.Part part : answer.parts()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("kind", part.kind());
            properties.put("city", city.id());
            properties.put("area_km2", part.areaKm2());
            features.add(feature(city.id() + "-" + part.kind(), properties, part.geometry()));
        }
        for (Feature project : answer.projects().features()) {
            Map<String, Object> properties = new LinkedHashMap<>(project.properties());
            properties.put("kind", "project");
            features.add(feature(project.id(), properties, project.geometry()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("city", JsonObject.of("id", city.id(), "name_zh", city.nameZh(), "name_en", city.nameEn(),
                "colour", city.colour()));
        body.put("summary", answer.projects().summary());
        body.put("features", features);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(body);
    }

    private static Map<String, Object> feature(String id, Map<String, Object> properties, Geometry geometry) {
        return JsonObject.of("type", "Feature", "id", id, "properties", properties, "geometry", geometry);
    }
}

package org.changchun.layout.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.geo.GeoJsonFeature;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.plan.LinkBasis;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cities")
@Tag(name = "六城 Six cities")
class FootprintController {

    /**
     * A GeoJSON FeatureCollection of a city's areas and projects, with the foreign members
     * {@code city} and {@code summary}.
     */
    record FootprintView(String type, CityName city, ProjectSummary summary, List<GeoJsonFeature> features) {
    }

    /** The city a footprint is of. */
    record CityName(String id, String nameZh, String nameEn, String colour) {
    }

    private final CityCatalog cities;
    private final CityFootprint footprint;

    FootprintController(CityCatalog cities, CityFootprint footprint) {
        this.cities = cities;
        this.footprint = footprint;
    }

    @GetMapping("/{id}/footprint")
    @Operation(summary = "一城的范围与项目 / a city's footprint and its projects",
            description = "GeoJSON: the union of the lead areas the plan names (kind=lead), of the supporting "
                    + "areas it names (kind=support) and of both (kind=footprint), all basis=plan; the districts "
                    + "linked only because a schematic member zone overlaps them (kind=derived, basis=derived, their "
                    + "adcodes in `districts`; not part of the footprint); each with its geodesic area; then the "
                    + "projects that lie in the footprint (kind=project), with totals in `summary`")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaTypes.GEOJSON_VALUE,
            schema = @Schema(implementation = FootprintView.class)))
    @ApiResponse(responseCode = "404", description = "没有该城 / no city with this id")
    ResponseEntity<FootprintView> footprint(@PathVariable String id) {
        City city = cities.get(id);
        CityFootprint.Answer answer = footprint.of(city);
        List<GeoJsonFeature> features = new ArrayList<>();
        for (CityFootprint.Part part : answer.parts()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("kind", part.kind());
            properties.put("basis", part.basis().code());
            properties.put("city", city.id());
            properties.put("area_km2", part.areaKm2());
            if (part.basis() == LinkBasis.DERIVED) {
                properties.put("districts", part.districts());
            }
            features.add(new GeoJsonFeature("Feature", city.id() + "-" + part.kind(), properties, part.geometry()));
        }
        for (Feature project : answer.projects().features()) {
            Map<String, Object> properties = new LinkedHashMap<>(project.properties());
            properties.put("kind", "project");
            features.add(new GeoJsonFeature("Feature", project.id(), properties, project.geometry()));
        }
        return ResponseEntity.ok().contentType(MediaTypes.GEOJSON).body(new FootprintView("FeatureCollection",
                new CityName(city.id(), city.nameZh(), city.nameEn(), city.colour()), answer.projects().summary(),
                features));
    }
}

package org.changchun.layout.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ContentNegotiated
@RequestMapping(value = "/api/districts", produces = MediaTypes.JSON_VALUE)
@Tag(name = "行政区 Districts", description = "县级行政区及其支撑的城 / county-level districts and the cities they support")
class DistrictController {

    /**
     * @param role  the district's role in the city: the plan's when it names the district, else "support"
     * @param basis "plan" when the plan names the district, "derived" when only a schematic zone overlaps it
     */
    @Schema(name = "DistrictCityRole")
    record CityRole(String id, String nameZh, String nameEn, String colour, String role, String basis,
                    List<SupportReason> via) {
    }

    /** @param labelPoint [lon, lat] of a point inside the district (JTS interior point), where a map puts its name */
    record DistrictSummary(String adcode, String nameZh, String nameEn,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String level,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Double areaKm2,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String accuracy,
                           List<Double> labelPoint, List<CityRole> cities) {
    }

    private final FeatureStore store;
    private final CitySupport support;

    DistrictController(FeatureStore store, CitySupport support) {
        this.store = store;
        this.support = support;
    }

    @GetMapping
    @Operation(summary = "全部行政区 / every district", description = "the 11 county-level units and the cities each supports")
    @ApiResponse(responseCode = "200", description = "OK")
    List<DistrictSummary> districts() {
        return store.features(PlanLayers.DISTRICTS).stream().map(this::summary).toList();
    }

    @GetMapping("/{adcode}/cities")
    @Operation(summary = "行政区支撑的城 / cities a district supports",
            description = "each city with the district's role (lead or support) and its basis: `plan` when the "
                    + "plan names the district (its role is the plan's), `derived` when only a schematic member zone "
                    + "overlaps it (shown as support, never lead); `via` lists the reasons")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该行政区 / no district with this adcode")
    DistrictSummary cities(@PathVariable String adcode) {
        Feature district = store.feature(PlanLayers.DISTRICTS, adcode)
                .orElseThrow(() -> new DistrictNotFoundException(adcode));
        return summary(district);
    }

    private DistrictSummary summary(Feature district) {
        Map<City, DistrictSupport> cities = support.citiesOf(district.id());
        List<CityRole> roles = cities.entrySet().stream()
                .map(e -> new CityRole(e.getKey().id(), e.getKey().nameZh(), e.getKey().nameEn(), e.getKey().colour(),
                        e.getValue().role(), e.getValue().basis(), e.getValue().via()))
                .toList();
        return new DistrictSummary(district.id(), district.text("name_zh"), district.text("name_en"),
                district.text("level"),
                district.properties().get("area_km2") instanceof Double area ? area : null, district.text("accuracy"),
                labelPoint(district.geometry()), roles);
    }

    private static List<Double> labelPoint(Geometry geometry) {
        Coordinate inside = geometry.getInteriorPoint().getCoordinate();
        return List.of(round(inside.x), round(inside.y));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}

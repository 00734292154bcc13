package org.changchun.layout.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.MediaTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ContentNegotiated
@RequestMapping(value = "/api/cities", produces = MediaTypes.JSON_VALUE)
@Tag(name = "六城 Six cities", description = "六城联动：各城的龙头与支撑区域、目标 / the six cities, who leads and supports them, their targets")
class CityController {

    private final CityCatalog cities;
    private final CitySupport support;

    CityController(CityCatalog cities, CitySupport support) {
        this.cities = cities;
        this.support = support;
    }

    @GetMapping
    @Operation(summary = "六城 / the six cities",
            description = "each city with its lead areas and the districts that support it")
    @ApiResponse(responseCode = "200", description = "OK")
    List<CityViews.CitySummary> cities() {
        return cities.all().stream().map(city -> CityViews.summary(city, support.districtsOf(city))).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "一城详情 / one city",
            description = "members with roles, targets, and the districts that support it: named by the plan "
                    + "(basis `plan`, with the plan's role) or overlapped by one of its schematic zones (basis "
                    + "`derived`, support at most)")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该城 / no city with this id")
    CityViews.CityDetails city(@PathVariable String id) {
        City city = cities.get(id);
        return CityViews.details(city, support.districtsOf(city));
    }
}

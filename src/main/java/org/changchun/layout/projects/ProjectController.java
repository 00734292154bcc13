package org.changchun.layout.projects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.MediaTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ContentNegotiated
@RequestMapping("/api/projects")
@Tag(name = "项目库 Projects", description = "项目及其所在的行政区、板块与城 / projects and the districts, zones and cities they lie in")
class ProjectController {

    private final ProjectLinks links;

    ProjectController(ProjectLinks links) {
        this.links = links;
    }

    @GetMapping(value = "/{id}", produces = {MediaTypes.GEOJSON_VALUE, MediaTypes.JSON_VALUE})
    @Operation(summary = "一个项目 / one project",
            description = "the project as a GeoJSON Feature with the districts and plan areas it lies in (computed "
                    + "spatially by the store, never typed by hand) and its cities: the one its record names "
                    + "(basis=declared, serves=true) and those of the member areas it lies in (basis=derived)")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该项目 / no project with this id")
    ProjectDetails project(@PathVariable String id) {
        return links.details(id);
    }
}

package org.changchun.layout.projects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A project as a GeoJSON Feature, with the foreign member {@code linked}: the districts, plan
 * areas and cities it is linked to.
 */
@JsonPropertyOrder({"type", "id", "properties", "geometry", "linked"})
record ProjectDetails(String type, String id, Map<String, Object> properties, Geometry geometry, Linked linked) {

    /** @param relation "within" (the project lies inside) or "intersects" */
    record LinkedDistrict(String adcode, @JsonInclude(JsonInclude.Include.NON_NULL) String nameZh,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String nameEn, String relation) {
    }

    record LinkedArea(String layer,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String layerTitleZh,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String layerTitleEn,
                      String id,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String nameZh,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String nameEn,
                      String relation) {
    }

    /** Why a project belongs to a city: the member area it lies in and the member's role. */
    @Schema(name = "ProjectCityRole")
    record CityRole(String role, String layer, String feature, String nameZh, String nameEn) {
    }

    /**
     * @param serves whether the project names this city as the one it serves
     * @param basis  "declared" for the city the project's own record names, "derived" for a city it
     *               is linked to only by lying in one of the city's member areas: where a project
     *               lies does not make it part of a city
     * @param roles  the city's member areas the project lies in or touches
     */
    record LinkedCity(String id, String nameZh, String nameEn, String colour, boolean serves, String basis,
                      List<CityRole> roles) {
    }

    record Linked(List<LinkedDistrict> districts, List<LinkedArea> areas, List<LinkedCity> cities) {
    }
}

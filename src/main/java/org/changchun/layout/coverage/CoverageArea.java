package org.changchun.layout.coverage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.locationtech.jts.geom.Geometry;

/**
 * The polygon a coverage question is about: a feature of a layer, or one drawn by the user
 * ({@code layer} and {@code feature} null).
 */
record CoverageArea(
        @JsonInclude(JsonInclude.Include.NON_NULL) String layer,
        @JsonInclude(JsonInclude.Include.NON_NULL) String feature,
        String nameZh,
        String nameEn,
        double areaKm2,
        @JsonIgnore Geometry geometry) {
}

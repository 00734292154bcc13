package org.changchun.layout.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A target the plan sets for a city, as the source text states it; the indicator that measures it
 * (gis-data/indicators.json, /api/indicators) holds its base, figures and status.
 *
 * @param comparator how the value is meant: "&gt;=" (at least), "&gt;" (more than) or "=" (reach)
 * @param year       the year the target is for
 * @param yearBasis  why that year: the text says "the next five years"
 * @param indicator  the id of the indicator that measures it
 */
public record CityTarget(
        String labelZh,
        String labelEn,
        double value,
        String unitZh,
        String unitEn,
        String comparator,
        int year,
        @JsonInclude(JsonInclude.Include.NON_NULL) String yearBasis,
        @JsonInclude(JsonInclude.Include.NON_NULL) String noteZh,
        @JsonInclude(JsonInclude.Include.NON_NULL) String noteEn,
        String indicator) {
}

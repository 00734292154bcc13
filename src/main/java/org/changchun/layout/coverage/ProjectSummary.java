package org.changchun.layout.coverage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Totals of the features a coverage question found, overall and grouped.
 *
 * @param byDistrict each feature counts once, in the district that holds its interior point;
 *                   a polygon's area is split among the districts it covers
 * @param sample     whether any feature counted is marked {@code sample: true} (invented figures), so
 *                   that totals shown without their features still say so
 */
record ProjectSummary(Totals total, List<Group> byCity, List<Group> byStatus, List<Group> byDistrict,
                      boolean sample) {

    /**
     * @param investmentCny100m sum of the investments given, in 亿元; features without one add nothing
     * @param areaKm2           area of the polygon features, geodesic
     */
    record Totals(long count, @JsonProperty("investment_cny_100m") double investmentCny100m, double areaKm2) {
    }

    record Group(String key, String nameZh, String nameEn, long count,
                 @JsonProperty("investment_cny_100m") double investmentCny100m, double areaKm2) {
    }
}

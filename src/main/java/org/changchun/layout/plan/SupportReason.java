package org.changchun.layout.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a district supports a city: it is named as a member, or a member zone overlaps it.
 *
 * @param kind          "member" or "overlay"
 * @param basis         "plan" for a member, "derived" for an overlay (see {@link LinkBasis})
 * @param role          the member's role in the city: for an overlay, the role of the zone, not
 *                      of the district it overlaps
 * @param layer         for an overlay, the zone's layer
 * @param feature       for an overlay, the zone's id
 * @param overlapKm2    for an overlay, the area the zone and the district share, in km²
 * @param shareOfMember for an overlay, that area as a share (0..1) of the zone's area
 */
public record SupportReason(
        String kind,
        String basis,
        String role,
        @JsonInclude(JsonInclude.Include.NON_NULL) String layer,
        @JsonInclude(JsonInclude.Include.NON_NULL) String feature,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nameZh,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nameEn,
        @JsonInclude(JsonInclude.Include.NON_NULL) String groupZh,
        @JsonInclude(JsonInclude.Include.NON_NULL) String groupEn,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double overlapKm2,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double shareOfMember) {

    static SupportReason member(CityMember member) {
        return new SupportReason("member", LinkBasis.PLAN.code(), member.role().code(), null, null, null, null,
                member.groupZh(), member.groupEn(), null, null);
    }

    static SupportReason overlay(CityMember member, double overlapKm2, double share) {
        return new SupportReason("overlay", LinkBasis.DERIVED.code(), member.role().code(), member.layer(),
                member.feature(), member.nameZh(), member.nameEn(), member.groupZh(), member.groupEn(),
                Math.round(overlapKm2 * 10) / 10d, Math.round(share * 1000) / 1000d);
    }

    /** Whether the plan itself names the district (rather than a zone overlapping it). */
    boolean isStated() {
        return kind.equals("member");
    }
}

package org.changchun.layout.plan;

import java.util.Optional;

/**
 * A district, zone, belt or corridor that leads or supports a city, or, when {@code layer} is
 * null, a place the plan names that has no polygon (e.g. an industrial heritage site).
 *
 * @param nameZh the member's name: the feature's own name for spatial members
 */
public record CityMember(
        MemberRole role,
        String layer,
        String feature,
        String nameZh,
        String nameEn,
        String groupZh,
        String groupEn,
        String note) {

    public boolean isSpatial() {
        return layer != null;
    }

    public Optional<String> group() {
        return Optional.ofNullable(groupZh);
    }
}

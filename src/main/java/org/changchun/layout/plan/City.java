package org.changchun.layout.plan;

import java.util.List;
import java.util.stream.Stream;

/**
 * One of the six thematic cities (六城): not a polygon of its own but the set of districts and
 * zones that lead or support it, and the targets the plan sets for it.
 */
public record City(
        String id,
        String nameZh,
        String nameEn,
        String colour,
        String summaryZh,
        String summaryEn,
        List<CityMember> members,
        List<CityTarget> targets) {

    public City {
        members = List.copyOf(members);
        targets = List.copyOf(targets);
    }

    public Stream<CityMember> spatialMembers() {
        return members.stream().filter(CityMember::isSpatial);
    }
}

package org.changchun.layout.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The shapes in which {@code /api/cities} answers. */
final class CityViews {

    private CityViews() {
    }

    /** A district named with its role and the role's basis (plan or derived), without the reasons. */
    record DistrictRole(String adcode, String nameZh, String nameEn, String role, String basis) {

        static DistrictRole of(DistrictSupport support) {
            return new DistrictRole(support.adcode(), support.nameZh(), support.nameEn(), support.role(),
                    support.basis());
        }
    }

    record CitySummary(
            String id,
            String nameZh,
            String nameEn,
            String colour,
            @JsonInclude(JsonInclude.Include.NON_NULL) String summaryZh,
            @JsonInclude(JsonInclude.Include.NON_NULL) String summaryEn,
            List<MemberView> leads,
            List<DistrictRole> districts,
            int targetCount) {
    }

    record CityDetails(
            String id,
            String nameZh,
            String nameEn,
            String colour,
            @JsonInclude(JsonInclude.Include.NON_NULL) String summaryZh,
            @JsonInclude(JsonInclude.Include.NON_NULL) String summaryEn,
            List<MemberView> members,
            List<CityTarget> targets,
            List<DistrictSupport> districts) {
    }

    static CitySummary summary(City city, List<DistrictSupport> districts) {
        return new CitySummary(city.id(), city.nameZh(), city.nameEn(), city.colour(), city.summaryZh(),
                city.summaryEn(),
                city.members().stream().filter(m -> m.role() == MemberRole.LEAD).map(MemberView::of).toList(),
                districts.stream().map(DistrictRole::of).toList(), city.targets().size());
    }

    static CityDetails details(City city, List<DistrictSupport> districts) {
        return new CityDetails(city.id(), city.nameZh(), city.nameEn(), city.colour(), city.summaryZh(),
                city.summaryEn(), city.members().stream().map(MemberView::of).toList(), city.targets(), districts);
    }
}

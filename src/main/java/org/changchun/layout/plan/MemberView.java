package org.changchun.layout.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A city member as the API shows it. */
record MemberView(
        String role,
        String roleZh,
        @JsonInclude(JsonInclude.Include.NON_NULL) String layer,
        @JsonInclude(JsonInclude.Include.NON_NULL) String feature,
        String nameZh,
        String nameEn,
        @JsonInclude(JsonInclude.Include.NON_NULL) String groupZh,
        @JsonInclude(JsonInclude.Include.NON_NULL) String groupEn,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    static MemberView of(CityMember member) {
        return new MemberView(member.role().code(), member.role().labelZh(), member.layer(), member.feature(),
                member.nameZh(), member.nameEn(), member.groupZh(), member.groupEn(), member.note());
    }
}

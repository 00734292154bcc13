package org.changchun.layout.plan;

/** A city member as the API shows it. */
record MemberView(
        String role,
        String roleZh,
        String layer,
        String feature,
        String nameZh,
        String nameEn,
        String groupZh,
        String groupEn,
        String note) {

    static MemberView of(CityMember member) {
        return new MemberView(member.role().code(), member.role().labelZh(), member.layer(), member.feature(),
                member.nameZh(), member.nameEn(), member.groupZh(), member.groupEn(), member.note());
    }
}

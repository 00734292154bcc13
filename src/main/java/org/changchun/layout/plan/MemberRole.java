package org.changchun.layout.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a district or zone takes part in one of the six cities. */
public enum MemberRole {
    /** 龙头/核心: the area that leads the city. */
    LEAD("龙头/核心"),
    /** 支撑/联动: an area that supports it. */
    SUPPORT("支撑/联动");

    private final String labelZh;

    MemberRole(String labelZh) {
        this.labelZh = labelZh;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelZh() {
        return labelZh;
    }

    /** The stronger of two roles: lead outranks support. */
    public MemberRole strongest(MemberRole other) {
        return this == LEAD || other == LEAD ? LEAD : SUPPORT;
    }

    public static Optional<MemberRole> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}

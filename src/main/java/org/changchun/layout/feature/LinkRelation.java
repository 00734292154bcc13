package org.changchun.layout.feature;

import java.util.Locale;

/** How a linked feature relates to the plan polygon it is linked to. */
public enum LinkRelation {
    /** The feature lies entirely inside the polygon. */
    WITHIN,
    /** The feature and the polygon share some space, but the feature is not inside it. */
    INTERSECTS;

    /** Written with every link a layer stores: made once. */
    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }

    public static LinkRelation fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

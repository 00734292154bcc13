package org.changchun.layout.plan;

import java.util.Locale;

/**
 * On whose word something is linked to a city. The plan's word always outranks a link computed
 * from the schematic zones: those shapes are drawn by us, not surveyed, so what they overlap is
 * a hint, never the plan's statement.
 */
public enum LinkBasis {
    /** The plan names the district or area as a member of the city, with its role (cities.json). */
    PLAN,
    /** A project's own record names the city it serves (its {@code city} field). */
    DECLARED,
    /** Computed from geometry: a member zone overlaps the district, or a project lies in a member area. */
    DERIVED;

    /** The lower-case code used in API answers ("plan", "declared", "derived"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

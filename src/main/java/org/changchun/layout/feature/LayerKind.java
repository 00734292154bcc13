package org.changchun.layout.feature;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What role a layer plays. Features of {@link #PROJECTS} and {@link #IMPORTED} layers are
 * linked to the polygons of every {@link #PLAN_AREA} layer that contain or intersect them;
 * {@link #CONTEXT} and {@link #DERIVED} layers are neither linked nor linked to.
 */
public enum LayerKind {
    /** Districts, zones, corridors, belts: the polygons the plan is made of. */
    PLAN_AREA,
    /**
     * Places the plan names that are not its areas: sites (points), and the provincial corridors
     * and bases beyond the city that it ties Changchun into. Drawn, queried and exported like
     * every layer, but no feature is linked to them and they are not part of a city's footprint.
     */
    CONTEXT,
    /** The project library. */
    PROJECTS,
    /** A layer GIS staff imported. */
    IMPORTED,
    /**
     * A layer the service writes itself from other data (the districts with their latest monitoring
     * figures): rewritten whenever that data changes, never imported over, edited or restored.
     */
    DERIVED;

    /** The code used in manifests and API answers ("plan-area", "context", "projects", "imported", "derived"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<LayerKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    /** Whether features of this kind get linked to the plan's polygons. */
    public boolean isLinkSource() {
        return this == PROJECTS || this == IMPORTED;
    }

    /** Whether features of other layers are linked to the polygons of this kind: the plan's own. */
    public boolean isLinkTarget() {
        return this == PLAN_AREA;
    }
}

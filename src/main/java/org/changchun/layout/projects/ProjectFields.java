package org.changchun.layout.projects;

import java.util.Map;

/**
 * The fields of the project library that summaries group and add up by. Layers without one of
 * them (e.g. an imported layer) are simply not grouped by it.
 */
public final class ProjectFields {

    public static final String CITY = "city";
    /** One of the six new industries (六新产业), in Chinese. */
    public static final String INDUSTRY = "industry";
    public static final String STATUS = "status";
    /** Investment in 亿元 (100 million yuan). */
    public static final String INVESTMENT = "investment_cny_100m";

    /** Chinese and English names of the status codes. */
    public static final Map<String, String[]> STATUS_NAMES = Map.of(
            "planned", new String[] {"规划中", "planned"},
            "under_construction", new String[] {"在建", "under construction"},
            "completed", new String[] {"已建成", "completed"});

    private ProjectFields() {
    }
}

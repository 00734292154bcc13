package org.changchun.layout.plan.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The six new industries (六新产业) the plan names, the vocabulary of a project's {@code industry}:
 * stored in Chinese, as the plan writes them, with their English names.
 */
public final class Industries {

    /** Chinese name → English name, in the plan's order. */
    public static final Map<String, String> NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("新能源", "New energy");
        names.put("新装备", "New equipment");
        names.put("新材料", "New materials");
        names.put("新农业", "New agriculture");
        names.put("新旅游", "New tourism");
        names.put("新电商", "New e-commerce");
        NAMES = java.util.Collections.unmodifiableMap(names);
    }

    private Industries() {
    }

    public static boolean isKnown(String industry) {
        return NAMES.containsKey(industry);
    }

    /** The English name of an industry, when it is one of the six. */
    public static Optional<String> nameEn(String industry) {
        return Optional.ofNullable(NAMES.get(industry));
    }
}

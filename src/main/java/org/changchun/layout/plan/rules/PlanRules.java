package org.changchun.layout.plan.rules;

import org.springframework.stereotype.Component;

/**
 * The rule book as loaded from {@code gis-data/}. Like the cities it is small, read on every review
 * and changed only with the data files, so it is held in memory.
 */
@Component
public class PlanRules {

    private volatile RuleBook book = RuleBook.EMPTY;

    /** Replaces the rule book at once; readers see the old one or the new one. */
    public void replace(RuleBook loaded) {
        book = loaded;
    }

    public RuleBook current() {
        return book;
    }
}

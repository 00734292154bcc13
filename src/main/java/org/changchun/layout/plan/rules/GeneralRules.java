package org.changchun.layout.plan.rules;

/**
 * The rules every site is held to, whatever it overlaps: the level each fires at and its source.
 *
 * @param cityOutside       the site lies in no area meant for the city it declares
 * @param cityPartlyOutside only part of the site lies in areas meant for its city
 * @param industryNotListed the areas meant for its city that it lies in are not meant for its industry
 * @param cityUndeclared    the site declares no city, or one that is not one of the six
 */
public record GeneralRules(Rule cityOutside, Rule cityPartlyOutside, Rule industryNotListed, Rule cityUndeclared) {

    /** @param source the id of the {@link RuleSource} the rule reads */
    public record Rule(RuleLevel level, String source) {
    }
}

package org.changchun.layout.query;

/** One key of a sort order: a property name, ascending or descending. */
public record SortKey(String property, boolean ascending) {
}

package org.changchun.layout.gisdata;

import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reads values from a JSON object the way a careful loader should: required members must be
 * there with the right type, and members nobody reads are refused, so a typo in a data file is
 * an error instead of a silently missing value.
 */
final class StrictJson {

    private final String file;
    private final String where;
    private final JsonNode node;

    StrictJson(String file, String where, JsonNode node) {
        this.file = file;
        this.where = where;
        if (node == null || !node.isObject()) {
            throw problem("must be a JSON object");
        }
        this.node = node;
    }

    StrictJson allowOnly(Set<String> members) {
        Set<String> unknown = new TreeSet<>(node.propertyNames());
        unknown.removeAll(members);
        if (!unknown.isEmpty()) {
            throw problem("has unknown member(s) " + unknown + "; allowed: " + new TreeSet<>(members));
        }
        return this;
    }

    String text(String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw problem("needs \"" + member + "\" as non-empty text");
        }
        return value.stringValue();
    }

    String optionalText(String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw problem("\"" + member + "\" must be text");
        }
        return value.stringValue();
    }

    double number(String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isNumber()) {
            throw problem("needs \"" + member + "\" as a number");
        }
        return value.doubleValue();
    }

    int integer(String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw problem("needs \"" + member + "\" as a whole number");
        }
        return value.intValue();
    }

    JsonNode array(String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isArray()) {
            throw problem("needs \"" + member + "\" as an array");
        }
        return value;
    }

    JsonNode raw(String member) {
        return node.get(member);
    }

    GisDataException problem(String text) {
        return new GisDataException(file, where + " " + text);
    }
}

package org.changchun.layout.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object written with its members in the order given. {@code Map.of} would do for the
 * content, but its order changes from one start of the service to the next, and documents that
 * differ byte for byte on each run are harder to read, compare and cache.
 */
public final class JsonObject {

    private JsonObject() {
    }

    /** @param namesAndValues name, value, name, value, … */
    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return members;
    }
}

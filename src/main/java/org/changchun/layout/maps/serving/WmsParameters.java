package org.changchun.layout.maps.serving;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A WMS request's parameters: names are case-insensitive (WMS 1.3.0, 6.8.1), the first value of each counts. */
final class WmsParameters {

    private final Map<String, String> values = new TreeMap<>();

    WmsParameters(Map<String, String[]> parameters) {
        parameters.forEach((name, given) -> {
            if (given.length > 0) {
                values.putIfAbsent(name.toUpperCase(Locale.ROOT), given[0]);
            }
        });
    }

    /** The value, or null when absent or blank. */
    String get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    String require(String name) {
        String value = get(name);
        if (value == null) {
            throw new WmsException("MissingParameterValue", "缺少参数 " + name, "parameter " + name + " is missing");
        }
        return value;
    }
}

package org.changchun.layout.store;

/**
 * Which store is in use and what it runs on.
 *
 * @param kind    "postgis" or "h2gis"
 * @param version the spatial engine's own version text
 */
public record StoreDescription(String kind, String version) {
}

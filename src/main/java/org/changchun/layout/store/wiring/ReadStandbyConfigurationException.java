package org.changchun.layout.store.wiring;

/** {@code plan.store.read-url} is set where it cannot work: not on PostGIS, or not a PostgreSQL address. */
final class ReadStandbyConfigurationException extends RuntimeException {

    ReadStandbyConfigurationException(String message) {
        super(message);
    }
}

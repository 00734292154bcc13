package org.changchun.layout.store;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A request waited longer than it may for its turn at work the service rations (tile encodes:
 * {@code plan.tiles.max-concurrent-encodes}). The database is reachable but busy; as when it is
 * unreachable, trying again later can succeed, which is why this is one of those failures
 * ({@link DatabaseFailures#unavailable}), but the client is told which it is.
 */
public class StoreBusyException extends DataAccessResourceFailureException {

    public StoreBusyException(String message) {
        super(message);
    }
}

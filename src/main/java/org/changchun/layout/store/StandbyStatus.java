package org.changchun.layout.store;

/**
 * What the service knows of its read standby.
 *
 * @param url             its JDBC address, without parameters (they may hold a password)
 * @param state           whether reads go there now
 * @param readsOnStandby  reads it answered since start
 * @param readsOnPrimary  reads the primary answered instead (standby behind, down, or failing one)
 */
public record StandbyStatus(String url, State state, long readsOnStandby, long readsOnPrimary) {

    public enum State {
        /** It has replayed what this service has seen of the primary: reads go there. */
        CURRENT,
        /** Its replay lags behind what this service has seen: reads go to the primary until it catches up. */
        BEHIND,
        /** It does not answer: reads go to the primary; it is tried again after a short pause. */
        DOWN
    }
}

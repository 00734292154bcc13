package org.changchun.layout.store;

import java.util.Optional;

/**
 * The hot standby the store's request reads go to when {@code plan.store.read-url} is set, as
 * health and the ready line report it. The features never see it: they ask the store, which picks.
 */
public interface StandbyReads {

    /** A store without a standby. */
    StandbyReads NONE = Optional::empty;

    /** The standby's state now; empty when there is none. */
    Optional<StandbyStatus> status();
}

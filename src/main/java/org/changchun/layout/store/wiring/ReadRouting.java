package org.changchun.layout.store.wiring;

import org.changchun.layout.store.StandbyReads;
import org.changchun.layout.store.jdbc.ReadRoute;

/** Where the store's request reads go, and what health and the ready line may say about it. */
record ReadRouting(ReadRoute route, StandbyReads standby) {
}

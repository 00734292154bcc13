package org.changchun.layout.store.wiring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why a read standby was refused at start, and what to set instead. */
class ReadStandbyFailureAnalyzer extends AbstractFailureAnalyzer<ReadStandbyConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ReadStandbyConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "读备库只用于 PostGIS：把 spring.datasource.url 设为主库、plan.store.read-url 设为其热备库的 jdbc:postgresql: "
                        + "地址，或删除 plan.store.read-url（见 docs/scaling.md） / A read standby works with PostGIS only: set "
                        + "spring.datasource.url to the primary and plan.store.read-url to a jdbc:postgresql: address of its "
                        + "hot standby, or remove plan.store.read-url (see docs/scaling.md).",
                cause);
    }
}

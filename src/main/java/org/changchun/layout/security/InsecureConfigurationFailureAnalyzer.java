package org.changchun.layout.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why the service refused to start with guessable passwords, and how to fix it. */
class InsecureConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InsecureConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InsecureConfigurationException cause) {
        return new FailureAnalysis(
                "服务拒绝以可被猜到的密码在 PostGIS 上运行 / The service refuses to run on PostGIS with a guessable password: "
                        + cause.getMessage(),
                "设置真正的密码；仅本机试用时可设 plan.security.allow-insecure-defaults=true / Set a real secret; only for a "
                        + "local trial, set plan.security.allow-insecure-defaults=true.",
                cause);
    }
}

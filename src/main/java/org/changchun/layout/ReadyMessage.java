package org.changchun.layout;

import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.JdbcUrls;
import org.changchun.layout.store.StandbyReads;
import org.changchun.layout.store.StoreDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The line a newcomer looks for once the service is up: the address to open and the store the
 * service runs on. Nothing is said when no web server runs (the command-line import).
 */
@Component
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final FeatureStore store;
    private final StandbyReads standby;
    private final Environment environment;

    ReadyMessage(FeatureStore store, StandbyReads standby, Environment environment) {
        this.store = store;
        this.standby = standby;
        this.environment = environment;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            StoreDescription description = store.describe();
            log.info("长春市空间布局服务已就绪 / ready: http://localhost:{}/ (store: {} {}, {}{})",
                    // the front door's port when it is open, else the servlet container's
                    environment.getProperty("local.server.port", Integer.class, web.getWebServer().getPort()),
                    description.kind(), description.version(),
                    JdbcUrls.withoutParameters(environment.getProperty("spring.datasource.url", "")),
                    standby.status().map(s -> "; 读备库 / reads on standby: " + s.url() + " (" + s.state() + ")").orElse(""));
        }
    }
}

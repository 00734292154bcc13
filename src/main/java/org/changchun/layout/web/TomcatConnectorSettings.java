package org.changchun.layout.web;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The servlet container's connector settings that the service's behaviour depends on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class TomcatConnectorSettings {

    private static final int WRITE_BUFFER_BYTES = 64 * 1024;

    /**
     * Tomcat writes an answer through a per-connection socket buffer, 8 KiB on the heap by default:
     * a 40 KiB point tile then takes five copies into it, five more by the JDK into a native buffer,
     * and five system calls. A 64 KiB native buffer sends most tiles with one copy and one call, which
     * lifts the warm tile rate (docs/benchmarks.md, "Findings that shaped the design"), at the cost of
     * 64 KiB of direct memory per open connection (1,000 keep-alive connections: 64 MiB).
     */
    @Bean
    TomcatConnectorCustomizer socketWriteBuffer() {
        return connector -> {
            set(connector, "socket.appWriteBufSize", Integer.toString(WRITE_BUFFER_BYTES));
            set(connector, "socket.directBuffer", "true");
        };
    }

    /**
     * A request that expects {@code 100 Continue} gets it only once the service starts reading the
     * body, not as soon as it arrives (Tomcat's default): an upload that is refused on its headers
     * alone (too large, not signed in) is answered before its body is sent. The front door relays
     * bodies this way; without it, Tomcat closed the connection on a refused big upload while the door
     * was still sending it, and the client got a 502 instead of the refusal.
     */
    @Bean
    TomcatConnectorCustomizer continueOnlyWhenTheBodyIsRead() {
        return connector -> set(connector, "continueResponseTiming", "onRead");
    }

    /** Tomcat ignores a property it does not know; a renamed one must stop the start-up instead. */
    private static void set(Connector connector, String property, String value) {
        if (!connector.setProperty(property, value)) {
            throw new IllegalStateException("Tomcat no longer knows the connector property " + property);
        }
    }
}

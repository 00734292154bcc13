package org.changchun.layout.web;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat writes an answer through a per-connection socket buffer, 8 KiB on the heap by default:
 * a 40 KiB point tile then takes five copies into it, five more by the JDK into a native buffer,
 * and five system calls. A 64 KiB native buffer sends most tiles with one copy and one call, which
 * lifts the warm tile rate (docs/benchmarks.md, "Findings that shaped the design"), at the cost of
 * 64 KiB of direct memory per open connection (1,000 keep-alive connections: 64 MiB).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class TomcatSocketBuffers {

    private static final int WRITE_BUFFER_BYTES = 64 * 1024;

    @Bean
    TomcatConnectorCustomizer socketWriteBuffer() {
        return connector -> {
            set(connector, "socket.appWriteBufSize", Integer.toString(WRITE_BUFFER_BYTES));
            set(connector, "socket.directBuffer", "true");
        };
    }

    /** Tomcat ignores a property it does not know; a renamed one must stop the start-up instead. */
    private static void set(Connector connector, String property, String value) {
        if (!connector.setProperty(property, value)) {
            throw new IllegalStateException("Tomcat no longer knows the connector property " + property);
        }
    }
}

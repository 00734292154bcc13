package org.changchun.layout.frontdoor;

import java.net.InetAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Moves the servlet container off the public port when the {@link FrontDoor} takes it: onto this
 * machine's loopback address, at {@code plan.front-door.container-port} (any free port by default),
 * where only the door reaches it. Nothing else about the container changes.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "plan.front-door.enabled", havingValue = "true", matchIfMissing = true)
class ContainerBehindFrontDoor implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

    private final ServerProperties server;
    private final FrontDoorProperties door;

    ContainerBehindFrontDoor(ServerProperties server, FrontDoorProperties door) {
        this.server = server;
        this.door = door;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (FrontDoor.opens(server)) {
            factory.setAddress(InetAddress.getLoopbackAddress());
            factory.setPort(door.containerPort());
        }
    }

    /** After Spring Boot's own customizer has set the port and address from {@code server.*}. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

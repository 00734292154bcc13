package org.changchun.layout.frontdoor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The front door ({@code plan.front-door.*}); see {@link FrontDoor}.
 *
 * @param enabled        whether the front door answers on {@code server.port}, with the servlet
 *                       container behind it on this machine's loopback address; off, the servlet
 *                       container answers on {@code server.port} itself
 * @param containerPort  the servlet container's port behind the front door; 0 takes any free one
 * @param maxConnections connections served at once, a thread each; further ones wait to be accepted
 * @param idleTimeout    how long a kept-alive connection may wait for its next request before it is
 *                       closed and its thread freed
 */
@Validated
@ConfigurationProperties("plan.front-door")
public record FrontDoorProperties(
        boolean enabled,
        @Min(0) @Max(65535) int containerPort,
        @Min(1) @Max(10_000) int maxConnections,
        @NotNull Duration idleTimeout) {
}

package org.changchun.layout.tiles.serving;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The tile port ({@code plan.tiles.listener.*}), off unless a port is set; see {@link TileListener}.
 *
 * @param port           the port; 0 takes any free one (tests); unset, there is no tile port
 * @param maxConnections connections served at once, a thread each; further ones wait to be accepted
 * @param idleTimeout    how long a kept-alive connection may wait for its next request before it is
 *                       closed and its thread freed
 */
@Validated
@ConfigurationProperties("plan.tiles.listener")
public record TileListenerProperties(
        @Min(0) @Max(65535) Integer port,
        @Min(1) @Max(10_000) int maxConnections,
        @NotNull Duration idleTimeout) {
}

package org.changchun.layout.gisdata;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the plan data comes from ({@code plan.data.*}).
 *
 * @param location a Spring resource folder holding {@code layers.json}; the jar carries a copy
 *                 of {@code gis-data/} at {@code classpath:gis-data/}
 * @param load     whether to load it at start-up (off for tests that bring their own data)
 */
@Validated
@ConfigurationProperties("plan.data")
public record GisDataProperties(@NotBlank String location, boolean load) {

    public GisDataProperties {
        if (location != null && !location.endsWith("/")) {
            location = location + "/";
        }
    }
}

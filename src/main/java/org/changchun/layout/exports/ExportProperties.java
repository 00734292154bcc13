package org.changchun.layout.exports;

import java.nio.file.Path;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Export settings ({@code plan.exports.*}).
 *
 * @param workDir where a shapefile export is written before it is zipped into the answer; unless
 *                set, the imports' {@code plan.imports.work-dir}, so that one setting still moves
 *                both onto a disk with room
 */
@Validated
@ConfigurationProperties("plan.exports")
record ExportProperties(@NotNull Path workDir) {
}

package org.changchun.layout.imports;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Shapefile import settings ({@code plan.imports.*}); the upload's own size limit is
 * {@code spring.servlet.multipart.max-file-size}, and {@code plan.imports.work-dir}, where uploads
 * are unpacked, is read with the exports' folder by {@link org.changchun.layout.workfolders.WorkFolders}.
 *
 * @param maxExpandedSize how far an archive may expand when unpacked (a zip bomb is refused)
 * @param maxEntries      how many files an archive may hold
 * @param maxFeatures     how many features one shapefile may hold
 * @param samples         how many features a report shows
 * @param listedProblems  how many problems a report lists one by one (all are counted)
 * @param staleAfter      a running job silent for this long is taken for dead (its process stopped)
 * @param maxGeopackageSize how large a GeoPackage may be: it is read through SQLite, which holds a
 *                        whole value (a geometry blob) in memory, so the file's size bounds any one
 * @param warmUp          how long at most imports are rehearsed at start-up ({@link ImportWarmUp}); 0 for not at all
 */
@Validated
@ConfigurationProperties("plan.imports")
public record ImportProperties(
        @NotNull DataSize maxExpandedSize,
        @Min(1) int maxEntries,
        @Min(1) long maxFeatures,
        @Min(0) @Max(100) int samples,
        @Min(0) int listedProblems,
        @NotNull Duration staleAfter,
        @NotNull DataSize maxGeopackageSize,
        @NotNull Duration warmUp) {
}

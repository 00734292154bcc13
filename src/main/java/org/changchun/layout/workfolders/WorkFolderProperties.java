package org.changchun.layout.workfolders;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the work folders ({@code plan.work-folders.*}); the folders themselves are
 * {@code plan.imports.work-dir} and {@code plan.exports.work-dir}.
 *
 * @param minFreeSpace below this much usable space a work folder counts as full: uploads and
 *                     exports are refused and health says so, before one runs out of room part-way
 */
@Validated
@ConfigurationProperties("plan.work-folders")
public record WorkFolderProperties(@NotNull DataSize minFreeSpace) {
}

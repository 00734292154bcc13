package org.changchun.layout.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export folders left behind by a stopped process are swept; everything else in the work folder stays. */
class ExportFolderTest {

    @TempDir
    Path workDir;

    @Test
    void aClosedExportFolderIsGoneWithItsFiles() throws IOException {
        Path path;
        try (ExportFolder folder = ExportFolder.in(workDir)) {
            path = folder.path();
            Files.writeString(Files.createDirectories(path.resolve("layer")).resolve("layer.dbf"), "x");
        }
        assertThat(path).doesNotExist();
    }

    @Test
    void onlyExportFoldersUnwrittenSinceTheCutOffAreSwept() throws IOException {
        Instant now = Instant.now();
        Path abandoned = ExportFolder.in(workDir).path();
        Files.writeString(abandoned.resolve("big.shp"), "left by a killed process");
        age(abandoned.resolve("big.shp"), Duration.ofDays(3));
        age(abandoned, Duration.ofDays(2));
        Path running = ExportFolder.in(workDir).path();
        Path importJob = Files.createDirectories(workDir.resolve("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"));
        age(importJob, Duration.ofDays(2));
        Path file = Files.writeString(workDir.resolve("export-notes.txt"), "not a folder");
        age(file, Duration.ofDays(2));

        assertThat(ExportFolder.sweep(workDir, now.minus(ExportFolderSweeper.ABANDONED_AFTER)))
                .containsExactly(abandoned);
        assertThat(abandoned).doesNotExist();
        assertThat(running).isDirectory();
        assertThat(importJob).as("the imports sweep their own").isDirectory();
        assertThat(file).exists();
        assertThat(ExportFolder.sweep(workDir.resolve("missing"), now)).isEmpty();
    }

    private static void age(Path path, Duration age) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(age)));
    }
}

package org.changchun.layout.exports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.changchun.layout.workfolders.WorkFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes export folders left behind by a process that stopped during an export, at start-up and
 * hourly. An export writes its files within minutes; a folder nobody has written in for a day
 * belongs to a process that is gone, whichever replica sharing the work folder made it.
 */
@Component
class ExportFolderSweeper {

    private static final Logger log = LoggerFactory.getLogger(ExportFolderSweeper.class);
    static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    private final WorkFolders folders;

    ExportFolderSweeper(WorkFolders folders) {
        this.folders = folders;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "PT1H")
    void sweep() {
        Path workDir = folders.exports().path();
        try {
            List<Path> removed = ExportFolder.sweep(workDir, Instant.now().minus(ABANDONED_AFTER));
            if (!removed.isEmpty()) {
                log.warn("Removed {} abandoned export folder(s) from {}: {}", removed.size(), workDir,
                        removed.stream().map(Path::getFileName).toList());
            }
        } catch (IOException e) {
            log.warn("Could not sweep the export folders of {}: {}", workDir, e.getMessage());
        }
    }
}

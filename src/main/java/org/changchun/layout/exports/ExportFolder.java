package org.changchun.layout.exports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder in the exports' work folder for the files an export writes before it sends
 * them, removed with everything in it when the export is done, sent or failed.
 */
final class ExportFolder implements AutoCloseable {

    private final Path path;

    private ExportFolder(Path path) {
        this.path = path;
    }

    static ExportFolder in(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        return new ExportFolder(Files.createTempDirectory(workDir, "export-"));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path file : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless; the next export uses another
        }
    }
}

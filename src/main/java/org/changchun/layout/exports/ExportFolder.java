package org.changchun.layout.exports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * A temporary folder in the exports' work folder for the files an export writes before it sends
 * them, removed with everything in it when the export is done, sent or failed. A process killed
 * during an export leaves its folder behind (a shapefile of a big layer is hundreds of megabytes), so
 * {@link #sweep} removes the export folders nothing has written in for a while.
 */
final class ExportFolder implements AutoCloseable {

    private static final String PREFIX = "export-";

    private final Path path;

    private ExportFolder(Path path) {
        this.path = path;
    }

    static ExportFolder in(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        return new ExportFolder(Files.createTempDirectory(workDir, PREFIX));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            FileSystemUtils.deleteRecursively(path);
        } catch (IOException e) {
            // a temporary folder left behind is harmless; the next export uses another, a sweep removes it
        }
    }

    /**
     * Removes the export folders in the work folder last written in before {@code before}; anything
     * else there (the imports' folders, another program's files) is left alone.
     *
     * @return the folders removed
     */
    static List<Path> sweep(Path workDir, Instant before) throws IOException {
        if (!Files.isDirectory(workDir)) {
            return List.of();
        }
        List<Path> abandoned;
        try (Stream<Path> children = Files.list(workDir)) {
            abandoned = children.filter(child -> child.getFileName().toString().startsWith(PREFIX))
                    .filter(Files::isDirectory)
                    .filter(child -> writtenBefore(child, before))
                    .toList();
        }
        for (Path folder : abandoned) {
            FileSystemUtils.deleteRecursively(folder);
        }
        return abandoned;
    }

    private static boolean writtenBefore(Path folder, Instant before) {
        try {
            return Files.getLastModifiedTime(folder).toInstant().isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }
}

package org.changchun.layout.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.changchun.layout.workfolders.WorkFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The folders uploads are unpacked in under {@code plan.imports.work-dir}, one per job or dry run,
 * named by its id. A process killed during an import leaves its folder behind (an unpacked upload
 * can be hundreds of megabytes), so {@link #sweep} removes folders that no process uses, at
 * start-up and periodically. Replicas may share the work folder or each have their own, and only
 * the process that made a folder knows it still needs it: it touches its folders with every job
 * heartbeat ({@link #touchInUse}), and a folder named like a job id that nobody touched for
 * {@code plan.imports.stale-after} is taken for abandoned, the same rule that marks its job failed.
 * Anything else in the folder (another program's files, exports sharing it) is left alone.
 */
final class ImportWorkFolders {

    private static final Logger log = LoggerFactory.getLogger(ImportWorkFolders.class);
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final WorkFolder root;
    private final Duration staleAfter;
    private final Set<Path> inUse = ConcurrentHashMap.newKeySet();

    ImportWorkFolders(WorkFolder root, Duration staleAfter) {
        this.root = root;
        this.staleAfter = staleAfter;
    }

    /**
     * A new folder for the job or dry run with this id.
     *
     * @throws org.changchun.layout.workfolders.WorkFolderUnavailableException when the work folder
     *         cannot be written now (a 503 that names it and says why)
     */
    Path open(String id) {
        root.requireUsable();
        Path folder = root.path().resolve(id);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw root.failure(e);
        }
        inUse.add(folder);
        return folder;
    }

    /** What a failure to write the upload into its folder means: a 503 naming the work folder and the reason. */
    RuntimeException failure(IOException e) {
        return root.failure(e);
    }

    /** Removes the folder and everything in it; the job or dry run is over. */
    void close(Path folder) {
        delete(folder);
        inUse.remove(folder);
    }

    /** Marks this process's folders as in use, for the sweeps of every process sharing the work folder. */
    void touchInUse() {
        FileTime now = FileTime.from(Instant.now());
        for (Path folder : inUse) {
            try {
                Files.setLastModifiedTime(folder, now);
            } catch (NoSuchFileException e) {
                // closed meanwhile
            } catch (IOException e) {
                log.warn("Could not mark the import work folder {} as in use: {}", folder, e.getMessage());
            }
        }
    }

    /** Removes the job folders nobody has touched for {@code stale-after}; returns how many. */
    int sweep() {
        if (!Files.isDirectory(root.path())) {
            return 0;
        }
        Instant before = Instant.now().minus(staleAfter);
        List<Path> abandoned;
        try (Stream<Path> children = Files.list(root.path())) {
            abandoned = children.filter(child -> JOB_ID.matcher(child.getFileName().toString()).matches())
                    .filter(child -> !inUse.contains(child))
                    .filter(child -> untouchedSince(child, before))
                    .toList();
        } catch (IOException e) {
            log.warn("Could not list the import work folder {}: {}", root.path(), e.getMessage());
            return 0;
        }
        abandoned.forEach(ImportWorkFolders::delete);
        if (!abandoned.isEmpty()) {
            log.warn("Removed {} abandoned import work folder(s) from {}: {}", abandoned.size(), root.path(),
                    abandoned.stream().map(Path::getFileName).toList());
        }
        return abandoned.size();
    }

    private static boolean untouchedSince(Path folder, Instant before) {
        try {
            return Files.isDirectory(folder) && Files.getLastModifiedTime(folder).toInstant().isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            log.warn("Could not remove the import work folder {}: {}", folder, e.getMessage());
        }
    }
}

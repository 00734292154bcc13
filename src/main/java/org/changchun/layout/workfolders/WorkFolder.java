package org.changchun.layout.workfolders;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.springframework.util.unit.DataSize;

/**
 * A folder the service writes its temporary files in: uploads while they are unpacked and
 * imported, shapefile and GeoPackage exports before they are sent. When it cannot be written (a
 * file where the folder should be, no permission, a read-only or full disk) this says which folder,
 * which setting names it and why, so an administrator can act; without it such a fault was an
 * anonymous 500.
 *
 * @param setting   the property that names the folder, e.g. {@code plan.imports.work-dir}
 * @param minFree   below this much usable space the folder counts as full: an upload or export
 *                  would run out of room part-way
 */
public record WorkFolder(String setting, Path path, DataSize minFree) {

    /**
     * What a check found.
     *
     * @param usableBytes the space left for the service, or -1 when the folder cannot be reached
     * @param reasonZh    why the folder cannot be used; null when it can
     */
    public record Condition(boolean usable, long usableBytes, String reasonZh, String reasonEn) {
    }

    /** Creates the folder if needed, writes and removes a small file in it, and measures its free space. */
    public Condition check() {
        try {
            Files.createDirectories(path);
            Path probe = Files.createTempFile(path, ".write-check-", ".tmp");
            try {
                Files.write(probe, new byte[] {1});
            } finally {
                Files.deleteIfExists(probe);
            }
            long usable = Files.getFileStore(path).getUsableSpace();
            if (usable < minFree.toBytes()) {
                return new Condition(false, usable,
                        "磁盘仅剩 " + megabytes(usable) + " MB，少于 plan.work-folders.min-free-space（"
                                + megabytes(minFree.toBytes()) + " MB）",
                        "its disk has " + megabytes(usable) + " MB left, less than plan.work-folders.min-free-space ("
                                + megabytes(minFree.toBytes()) + " MB)");
            }
            return new Condition(true, usable, null, null);
        } catch (IOException e) {
            String[] reason = reason(e);
            return new Condition(false, -1, reason[0], reason[1]);
        }
    }

    /** Refuses the request (503 with Retry-After) when the folder cannot be used now. */
    public void requireUsable() {
        Condition condition = check();
        if (!condition.usable()) {
            throw unavailable(condition.reasonZh(), condition.reasonEn());
        }
    }

    /** What a failure to write in the folder means for the request: a 503 naming the folder and the system's reason. */
    public WorkFolderUnavailableException failure(IOException e) {
        String[] reason = reason(e);
        WorkFolderUnavailableException failure = unavailable(reason[0], reason[1]);
        failure.initCause(e);
        return failure;
    }

    private WorkFolderUnavailableException unavailable(String reasonZh, String reasonEn) {
        return new WorkFolderUnavailableException(
                "工作目录 " + path + "（" + setting + "）不可用：" + reasonZh + "。上传与导出暂停，其他功能照常；"
                        + "请管理员腾出空间或修复该目录，或将 " + setting + " 指向可写且有空间的文件夹",
                "the work folder " + path + " (" + setting + ") cannot be used: " + reasonEn + ". Uploads and exports "
                        + "are refused meanwhile, everything else works; an administrator must free space or fix the "
                        + "folder, or point " + setting + " at a writable folder with room");
    }

    /** The system's reason for an I/O failure in the folder, in Chinese and English. */
    private static String[] reason(IOException e) {
        String system = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        String text = system == null ? "" : system;
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || text.contains("Not a directory")) {
            return new String[] {"该路径或其上级是文件而不是文件夹", "a file is where the folder (or a folder above it) should be"};
        }
        if (e instanceof AccessDeniedException || text.contains("Permission denied")) {
            return new String[] {"没有写入权限", "the service may not write there (permission denied)"};
        }
        if (text.contains("Read-only file system")) {
            return new String[] {"所在文件系统为只读", "its file system is read-only"};
        }
        if (text.contains("No space left on device") || text.contains("Disk quota exceeded")) {
            return new String[] {"磁盘已满（" + text + "）", "its disk is full (" + text + ")"};
        }
        return new String[] {"无法写入（" + e + "）", "it cannot be written (" + e + ")"};
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}

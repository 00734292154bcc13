package org.changchun.layout.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.changchun.layout.shapefile.CodePages;
import org.changchun.layout.shapefile.DbfEncoding;
import org.springframework.http.HttpStatus;

/**
 * Extracts an uploaded zip into a folder, refusing what could harm the server.
 *
 * <p>Refused with {@link ImportRejectedException}: a file that is not a zip (or is damaged or
 * encrypted); an entry whose name would land outside the target folder ({@code ..} segments,
 * absolute paths, drive letters; backslashes count as separators, as Windows tools write them);
 * more entries than allowed; and an archive that expands beyond the byte limit (413, Payload Too
 * Large). The limit is enforced on the bytes actually written, never on the sizes the archive
 * declares; when it is hit, the files extracted so far are deleted.
 *
 * <p>Entry names: zips made on Chinese Windows store names in GBK without the UTF-8 flag, so a
 * name is read as UTF-8 when its bytes are valid UTF-8 and as GB18030 otherwise; names flagged
 * UTF-8 are taken as they are. Sub-folders are kept.
 */
public final class ZipArchive {

    /** The folder the archive was extracted into, the regular files written (in archive order), and their total size. */
    public record Extracted(Path dir, List<Path> files, long bytes) {
        public Extracted {
            files = List.copyOf(files);
        }
    }

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final int COPY_BUFFER = 64 * 1024;
    /** Entries inflate side by side, on up to as many threads as cores (four at most). */
    private static final ExecutorService INFLATERS = Executors.newFixedThreadPool(
            Math.min(4, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "zip-inflate");
                thread.setDaemon(true);
                return thread;
            });

    private ZipArchive() {
    }

    /**
     * Extracts {@code zip} into {@code targetDir}, which should be a new folder (created if needed):
     * a file that is already there is not overwritten, and the extraction fails.
     *
     * @throws ImportRejectedException for the refusals listed on the class
     */
    public static Extracted extract(Path zip, Path targetDir, long maxExpandedBytes, int maxEntries) {
        requireZipSignature(zip);
        // ISO-8859-1 maps every byte to one char, so unflagged names reach us as their raw bytes (see entryName)
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.ISO_8859_1)) {
            if (file.size() > maxEntries) {
                throw new ImportRejectedException(
                        "压缩包有 " + file.size() + " 个条目，超过上限 " + maxEntries + " 个；请只打包需要导入的 shapefile 文件",
                        "the archive has " + file.size() + " entries, more than the limit of " + maxEntries
                                + ": zip only the shapefile files to import");
            }
            Path root = Files.createDirectories(targetDir).toAbsolutePath().normalize();
            List<Path> written = new ArrayList<>();
            try {
                AtomicLong total = new AtomicLong();
                Set<Path> seen = new HashSet<>();
                // the largest first, so the last to start is a small one
                List<? extends ZipEntry> entries = file.stream()
                        .sorted(Comparator.comparingLong(ZipEntry::getCompressedSize).reversed()).toList();
                List<Callable<Void>> copies = new ArrayList<>();
                for (ZipEntry entry : entries) {
                    String name = entryName(entry.getName());
                    boolean directory = entry.isDirectory() || name.endsWith("/") || name.endsWith("\\");
                    Path target = safeTarget(root, name, directory);
                    if (directory) {
                        Files.createDirectories(target);
                        continue;
                    }
                    if (!seen.add(target)) {
                        throw new ImportRejectedException("压缩包中有两个同名文件“" + name + "”；请删除重复的文件后重新压缩",
                                "the archive holds \"" + name + "\" twice: remove the duplicate and zip again");
                    }
                    Files.createDirectories(target.getParent());
                    written.add(target);
                    copies.add(() -> {
                        copy(file, entry, target, total, maxExpandedBytes);
                        return null;
                    });
                }
                inflateSideBySide(copies);
                return new Extracted(root, written, total.get());
            } catch (IOException | RuntimeException e) {
                deleteQuietly(written);
                throw e;
            }
        } catch (ZipException e) {
            throw new ImportRejectedException(
                    "压缩包已损坏、不完整或已加密（" + e.getMessage() + "）；请不加密码重新压缩后上传",
                    "the zip archive is damaged, incomplete or encrypted (" + e.getMessage()
                            + "): zip the files again without a password and upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the file starts as a zip archive does. */
    static boolean isZip(Path file) {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, 4) == 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file name the work folder can hold for an upload sent as it is: the last segment of what
     * the client called it, letters (any script), digits, '.', '-' and '_' kept, the rest '_',
     * cut to 100 characters with its extension kept.
     */
    static String safeFileName(String uploaded) {
        String name = uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1)
                .replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("^\\.+", "");
        int dot = name.lastIndexOf('.');
        String extension = dot >= 0 ? name.substring(dot) : "";
        String base = dot >= 0 ? name.substring(0, dot) : name;
        base = base.length() > 100 ? base.substring(0, 100) : base;
        return (base.isEmpty() ? "upload" : base) + (extension.length() > 12 ? "" : extension);
    }

    private static void requireZipSignature(Path zip) {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(zip)) {
            read = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean local = head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean empty = head[0] == 'P' && head[1] == 'K' && head[2] == 5 && head[3] == 6;
        if (read < 4 || !(local || empty)) {
            throw new ImportRejectedException(
                    "不是 zip 文件：请把 shapefile 的 .shp、.shx、.dbf（以及 .prj、.cpg）一起压缩成 zip 上传；"
                            + "GeoPackage、GeoJSON、CSV 可直接上传（文件名须以 .gpkg、.geojson、.csv 结尾）",
                    "not a zip archive: upload the shapefile's .shp, .shx, .dbf (and .prj, .cpg) zipped together; a "
                            + "GeoPackage, GeoJSON or CSV may be sent as it is (named .gpkg, .geojson, .csv)");
        }
    }

    /**
     * The entry's real name. ZipFile decoded it as ISO-8859-1 (one char per byte) unless the
     * entry carries the UTF-8 flag, in which case it decoded UTF-8 and we keep it: a char above
     * U+00FF proves that. Otherwise the bytes are UTF-8 if valid, else GB18030 if valid, else
     * left as they are.
     */
    static String entryName(String asRead) {
        boolean rawBytes = true;
        boolean ascii = true;
        for (int i = 0; i < asRead.length(); i++) {
            char c = asRead.charAt(i);
            if (c > 0xFF) {
                rawBytes = false;
                break;
            }
            if (c > 0x7F) {
                ascii = false;
            }
        }
        if (!rawBytes || ascii) {
            return asRead;
        }
        byte[] bytes = asRead.getBytes(StandardCharsets.ISO_8859_1);
        if (DbfEncoding.TextCheck.validUtf8(bytes, 0, bytes.length, false)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (DbfEncoding.TextCheck.validGb18030(bytes, 0, bytes.length, false)) {
            return new String(bytes, CodePages.GB18030);
        }
        return asRead;
    }

    private static Path safeTarget(Path root, String name, boolean directory) {
        String unified = name.replace('\\', '/');
        boolean escapes = unified.startsWith("/") || DRIVE.matcher(unified).matches() || unified.indexOf('\0') >= 0;
        for (String segment : unified.split("/")) {
            if (segment.equals("..")) {
                escapes = true;
            }
        }
        Path target = escapes ? null : root.resolve(unified).normalize();
        if (target == null || !target.startsWith(root) || (!directory && target.equals(root))) {
            throw new ImportRejectedException(
                    "压缩包中的条目“" + name + "”指向解压目录之外（含 ..、绝对路径或盘符），已拒绝；请只用相对路径重新压缩",
                    "the archive entry \"" + name + "\" points outside the extraction folder (.., an absolute path or "
                            + "a drive letter): zip the files again with relative paths only");
        }
        return target;
    }

    /**
     * Runs the copies on the unpacking threads, the largest entries first (a shapefile's .shp and
     * .dbf inflate at once on two cores); throws the first failure once every copy has ended.
     */
    private static void inflateSideBySide(List<Callable<Void>> copies) throws IOException {
        List<Future<Void>> ended;
        try {
            ended = INFLATERS.invokeAll(copies);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking", e);
        }
        for (Future<Void> copy : ended) {
            try {
                copy.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("unpacking failed", e.getCause());
            } catch (InterruptedException e) {
                throw new IllegalStateException("a copy that has ended does not wait", e);
            }
        }
    }

    /** Copies one entry, counting what it adds to the archive's expanded size as it goes. */
    private static void copy(ZipFile file, ZipEntry entry, Path target, AtomicLong total, long max) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        try (InputStream in = file.getInputStream(entry);
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (total.addAndGet(n) > max) {
                    throw tooLarge(max);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static ImportRejectedException tooLarge(long max) {
        String limit = String.format("%,d", max);
        String mb = String.format("%.1f", max / 1048576.0);
        return new ImportRejectedException(HttpStatus.PAYLOAD_TOO_LARGE,
                "压缩包解压后超过 " + limit + " 字节（约 " + mb + " MB）的上限；请拆分成几个较小的压缩包分别上传",
                "the archive expands to more than the limit of " + limit + " bytes (about " + mb
                        + " MB): split it into smaller archives and upload them one by one");
    }

    private static void deleteQuietly(List<Path> files) {
        for (Path path : files) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // best effort: the caller removes its temporary folder anyway
            }
        }
    }
}

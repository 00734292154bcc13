package org.changchun.layout.shapefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the shapefiles in an extracted folder.
 *
 * <p>Files are grouped by their path without extension, compared case-insensitively (so
 * {@code 规划/开发区.SHP} and {@code 规划/开发区.Dbf} belong together), in any sub-folder. A group
 * with any of .shp, .shx or .dbf is a set and must have all three; .prj and .cpg are optional.
 * Everything else is ignored and listed: other extensions (.sbn, .sbx, .qix, .xml, …), and
 * macOS's {@code __MACOSX/} folders and {@code ._} resource files, which copy the real names.
 * Sets come sorted by their path.
 */
public final class ShapefileSets {

    /** The sets found, and the files ignored (relative to the folder). */
    public record Found(List<ShapefileSet> sets, List<String> ignored) {
        public Found {
            sets = List.copyOf(sets);
            ignored = List.copyOf(ignored);
        }
    }

    private enum Part { SHP, SHX, DBF, PRJ, CPG }

    private ShapefileSets() {
    }

    /**
     * @throws InvalidShapefileException if a set lacks .shp, .shx or .dbf, if two files of a set
     *         differ only in the case of their extension, or if there is no shapefile at all
     */
    public static Found find(Path dir) {
        Map<String, Map<Part, Path>> groups = new TreeMap<>();
        List<String> ignored = new ArrayList<>();
        for (Path file : regularFiles(dir)) {
            Path relative = dir.relativize(file);
            String relativeText = relative.toString().replace('\\', '/');
            String fileName = file.getFileName().toString();
            Optional<Part> part = partOf(fileName);
            if (part.isEmpty() || fromMac(relative)) {
                ignored.add(relativeText);
                continue;
            }
            String base = relativeText.substring(0, relativeText.lastIndexOf('.'));
            Map<Part, Path> group = groups.computeIfAbsent(base.toLowerCase(Locale.ROOT), k -> new EnumMap<>(Part.class));
            Path previous = group.put(part.get(), file);
            if (previous != null) {
                throw new InvalidShapefileException(
                        "“" + dir.relativize(previous) + "”与“" + relativeText + "”只有大小写不同，无法确定用哪一个；请删除其中一个后重新压缩",
                        "\"" + dir.relativize(previous) + "\" and \"" + relativeText
                                + "\" differ only in case, so it is unclear which to use: remove one and zip again");
            }
        }
        List<ShapefileSet> sets = new ArrayList<>();
        for (Map<Part, Path> group : groups.values()) {
            if (!group.containsKey(Part.SHP) && !group.containsKey(Part.SHX) && !group.containsKey(Part.DBF)) {
                group.values().forEach(p -> ignored.add(dir.relativize(p).toString().replace('\\', '/')));
                continue;
            }
            Path any = group.values().iterator().next();
            String relativeName = stripExtension(dir.relativize(any).toString().replace('\\', '/'));
            List<String> missing = Stream.of(Part.SHP, Part.SHX, Part.DBF).filter(p -> !group.containsKey(p))
                    .map(p -> "." + p.name().toLowerCase(Locale.ROOT)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                String parts = String.join(", ", missing);
                throw new InvalidShapefileException(
                        "shapefile“" + relativeName + "”缺少 " + String.join("、", missing) + " 文件；.shp、.shx、.dbf 三个文件缺一不可，"
                                + "请把它们一起压缩后重新上传",
                        "the shapefile \"" + relativeName + "\" lacks its " + parts + " file"
                                + (missing.size() > 1 ? "s" : "") + ": a shapefile needs .shp, .shx and .dbf together; "
                                + "zip all of them and upload again");
            }
            Path shp = group.get(Part.SHP);
            sets.add(new ShapefileSet(stripExtension(shp.getFileName().toString()), shp, group.get(Part.SHX),
                    group.get(Part.DBF), Optional.ofNullable(group.get(Part.PRJ)), Optional.ofNullable(group.get(Part.CPG))));
        }
        if (sets.isEmpty()) {
            throw new InvalidShapefileException(
                    "压缩包里没有 shapefile（需要同名的 .shp、.shx、.dbf 文件）；请检查压缩的是否是正确的文件",
                    "the archive holds no shapefile (a .shp, .shx and .dbf of the same name): check that the right files "
                            + "were zipped");
        }
        ignored.sort(null);
        return new Found(sets, ignored);
    }

    private static List<Path> regularFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean fromMac(Path relative) {
        for (Path segment : relative) {
            if (segment.toString().equals("__MACOSX")) {
                return true;
            }
        }
        return relative.getFileName().toString().startsWith("._");
    }

    private static Optional<Part> partOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toUpperCase(Locale.ROOT);
        for (Part part : Part.values()) {
            if (part.name().equals(extension)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

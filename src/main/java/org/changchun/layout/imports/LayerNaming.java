package org.changchun.layout.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;

/**
 * Names imported layers from their files when the user gives no names, and keeps every id and
 * title unique among the layers, so that two imports of alike files (or an import of a district
 * file beside the plan's 行政区) never show as two identical entries in the layer panel, identify,
 * the coverage lists or {@code /ogc/collections}.
 *
 * <p>Ids are lower-case ASCII words joined by '-', because they appear in URLs and in the layer
 * lists of QGIS and GDAL: the ASCII words of the name make the id ("Land_Use 2023" → "land-use-2023",
 * "行政区2023" → "layer-2023"). A name with none ("行政区") cannot be spelt in ASCII without a
 * pinyin table, so its id is "layer-" and six hex digits of the name's SHA-256: the same name always
 * gives the same id, and the Chinese name stays the title. A taken id gets "-2", "-3" …; a taken
 * title gets "（2）" in Chinese and " (2)" in English.
 */
final class LayerNaming {

    /** Room left in an id for a counter ("-99"). */
    private static final int ROOM_FOR_COUNTER = 4;
    private static final Pattern NOT_ASCII_WORD = Pattern.compile("[^a-z0-9]+");

    /** A layer's id and titles. */
    record Names(String id, String titleZh, String titleEn) {
    }

    private final Set<String> ids = new HashSet<>();
    /** Titles by the id of the layer that has them, so a layer being replaced does not clash with itself. */
    private final Map<String, Names> named = new LinkedHashMap<>();

    LayerNaming(List<LayerInfo> layers) {
        for (LayerInfo layer : layers) {
            take(new Names(layer.id(), layer.description().titleZh(), layer.description().titleEn()));
        }
    }

    /** A file's name without its folder and extension: "资料/行政区.zip" → "行政区". */
    static String baseName(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).strip();
        return base.isEmpty() ? "layer" : base;
    }

    /** The id the name's ASCII words make, or "layer-" and a hash of the name; not checked for uniqueness. */
    static String idFrom(String name) {
        String words = NOT_ASCII_WORD.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
        String id = words.isEmpty() ? "layer-" + shortHash(name)
                : Character.isLetter(words.charAt(0)) ? words : "layer-" + words;
        int longest = LayerDescription.MAX_ID_LENGTH - ROOM_FOR_COUNTER;
        return id.length() > longest ? id.substring(0, longest).replaceAll("-+$", "") : id;
    }

    /** An id for a new layer named after a name (a file's base name), unique, and takes it. */
    String newId(String name) {
        String base = idFrom(name);
        String id = base;
        for (int n = 2; ids.contains(id); n++) {
            id = base + "-" + n;
        }
        ids.add(id);
        return id;
    }

    /**
     * Takes titles for a layer, with a counter added where another layer has the same title; the
     * layer's own id does not count, so replacing a layer keeps its titles.
     */
    Names titled(String id, String titleZh, String titleEn) {
        Names names = new Names(id, titleZh, titleEn);
        for (int n = 2; titleTaken(names); n++) {
            names = new Names(id, titleZh + "（" + n + "）", titleEn + " (" + n + ")");
        }
        take(names);
        return names;
    }

    private boolean titleTaken(Names names) {
        return named.values().stream().anyMatch(other -> !other.id().equals(names.id())
                && (other.titleZh().equals(names.titleZh()) || other.titleEn().equals(names.titleEn())));
    }

    private void take(Names names) {
        ids.add(names.id());
        named.put(names.id(), names);
    }

    private static String shortHash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package org.changchun.layout.store;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a store needs to write a new version of a layer, except its features.
 *
 * @param checksum identifies the source the version was built from (e.g. a file's SHA-256), so
 *                 a loader can tell whether the stored version is already up to date
 */
public record LayerSpec(
        String id,
        LayerKind kind,
        String titleZh,
        String titleEn,
        String descriptionZh,
        String descriptionEn,
        String source,
        String accuracy,
        String licence,
        List<FieldSpec> fields,
        String checksum) {

    /** Lower-case words joined by '-', as the collection ids of the plan ("major-zones"). */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    public static final int MAX_ID_LENGTH = 64;

    public LayerSpec {
        Objects.requireNonNull(id, "id");
        if (id.length() > MAX_ID_LENGTH || !ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("layer id must be lower-case words joined by '-', at most "
                    + MAX_ID_LENGTH + " characters: " + id);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(titleZh, "titleZh");
        Objects.requireNonNull(titleEn, "titleEn");
        fields = List.copyOf(fields);
        long distinct = fields.stream().map(FieldSpec::name).distinct().count();
        if (distinct != fields.size()) {
            throw new IllegalArgumentException("layer " + id + " names a field twice");
        }
    }
}

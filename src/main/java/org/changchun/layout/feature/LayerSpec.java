package org.changchun.layout.feature;

import java.util.List;
import java.util.Objects;

/**
 * Everything a store needs to write a new version of a layer, except its features.
 *
 * @param checksum  identifies the source the version was built from (e.g. a file's SHA-256), so
 *                  a loader can tell whether the stored version is already up to date
 * @param writtenBy the account writing the version (e.g. who imported it); null when the service
 *                  writes it itself, as it does with the plan data
 */
public record LayerSpec(LayerDescription description, List<FieldSpec> fields, String checksum, String writtenBy) {

    public LayerSpec {
        Objects.requireNonNull(description, "description");
        fields = List.copyOf(fields);
        if (fields.stream().map(FieldSpec::name).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("layer " + description.id() + " names a field twice");
        }
    }

    /** A version the service writes itself, with no account behind it. */
    public LayerSpec(LayerDescription description, List<FieldSpec> fields, String checksum) {
        this(description, fields, checksum, null);
    }

    public String id() {
        return description.id();
    }

    public LayerKind kind() {
        return description.kind();
    }
}

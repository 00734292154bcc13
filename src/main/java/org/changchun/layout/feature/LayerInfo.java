package org.changchun.layout.feature;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * A layer as the catalog knows it: its description and its current version.
 *
 * @param version      the id of the stored version readers see now
 * @param dataVersion  changes on every write to the layer (a new version or a single edit);
 *                     caches key on it
 * @param geometryType the common geometry type of the features ("Point", "MultiPolygon"), or
 *                     "Geometry" when they differ
 * @param extent       the bounding box of all features, empty when the layer has none
 * @param writtenAt    when the current version was written (for an imported layer, its import)
 * @param writtenBy    the account that wrote the current version, null when the service did
 */
public record LayerInfo(
        LayerDescription description,
        long version,
        long dataVersion,
        String geometryType,
        long featureCount,
        Envelope extent,
        List<FieldSpec> fields,
        String checksum,
        OffsetDateTime updatedAt,
        OffsetDateTime writtenAt,
        String writtenBy) {

    public String id() {
        return description.id();
    }

    public LayerKind kind() {
        return description.kind();
    }

    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}

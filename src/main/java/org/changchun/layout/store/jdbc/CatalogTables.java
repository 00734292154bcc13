package org.changchun.layout.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.changchun.layout.store.ConcurrentLayerWriteException;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.feature.LayerVersion;
import org.locationtech.jts.geom.Envelope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The catalog tables: {@code layer} (one row per layer, pointing at its current version),
 * {@code layer_version} (every stored version and its state) and {@code layer_field}.
 */
final class CatalogTables {

    /** BUILDING while written; CURRENT; PREVIOUS when replaced and kept; DISCARDED once retention dropped its table. */
    enum VersionState { BUILDING, CURRENT, PREVIOUS, DISCARDED }

    private static final String LAYER_COLUMNS = """
            SELECT l.id, l.kind, l.title_zh, l.title_en, l.description_zh, l.description_en, l.source,
                   l.accuracy, l.licence, l.source_zh, l.source_en, l.licence_zh, l.licence_en, l.current_version, l.data_version, l.updated_at,
                   v.geometry_type, v.feature_count, v.min_x, v.min_y, v.max_x, v.max_y, v.checksum,
                   v.created_at AS written_at, v.created_by AS written_by
            FROM layer l JOIN layer_version v ON v.id = l.current_version
            """;

    private final JdbcTemplate jdbc;
    private final SpatialDialect dialect;

    CatalogTables(JdbcTemplate jdbc, SpatialDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    long nextVersionId() {
        return next("layer_version_seq");
    }

    long nextDataVersion() {
        return next("data_version_seq");
    }

    void insertBuildingVersion(long versionId, LayerSpec spec) {
        jdbc.update("""
                INSERT INTO layer_version (id, layer_id, state, checksum, created_at, created_by, heartbeat_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                versionId, spec.id(), VersionState.BUILDING.name(), spec.checksum(), now(), spec.writtenBy(), now());
        List<FieldSpec> fields = spec.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            jdbc.update("""
                    INSERT INTO layer_field (version_id, ordinal, name, type, title_zh, title_en)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    versionId, i + 1, field.name(), field.type().code(), field.titleZh(), field.titleEn());
        }
    }

    /** Tells that a building version is still being written, so it is not taken for abandoned. */
    void heartbeat(long versionId) {
        jdbc.update("UPDATE layer_version SET heartbeat_at = ? WHERE id = ?", now(), versionId);
    }

    /**
     * Makes a built version current and the one it replaces previous.
     *
     * @param replaced the version the writer saw current when it started; empty for a new layer
     * @throws ConcurrentLayerWriteException if that is no longer the current version
     */
    void makeCurrent(LayerSpec spec, long versionId, ContentSummary content, OptionalLong replaced) {
        LayerDescription about = spec.description();
        Envelope extent = content.extent();
        jdbc.update("""
                UPDATE layer_version SET state = ?, geometry_type = ?, feature_count = ?,
                       min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE id = ?""",
                VersionState.CURRENT.name(), content.geometryType(), content.count(),
                extentValue(extent, extent.getMinX()), extentValue(extent, extent.getMinY()),
                extentValue(extent, extent.getMaxX()), extentValue(extent, extent.getMaxY()), versionId);
        long dataVersion = nextDataVersion();
        if (replaced.isEmpty()) {
            try {
                jdbc.update("""
                        INSERT INTO layer (id, kind, title_zh, title_en, description_zh, description_en, source,
                                           accuracy, licence, source_zh, source_en, licence_zh, licence_en,
                                           current_version, data_version, first_version, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        about.id(), about.kind().code(), about.titleZh(), about.titleEn(), about.descriptionZh(),
                        about.descriptionEn(), about.source(), about.accuracy(), about.licence(), about.sourceZh(),
                        about.sourceEn(), about.licenceZh(), about.licenceEn(), versionId, dataVersion, versionId,
                        now());
            } catch (DuplicateKeyException e) {
                throw new ConcurrentLayerWriteException(spec.id());
            }
            return;
        }
        int updated = jdbc.update("""
                UPDATE layer SET kind = ?, title_zh = ?, title_en = ?, description_zh = ?, description_en = ?,
                                 source = ?, accuracy = ?, licence = ?, source_zh = ?, source_en = ?,
                                 licence_zh = ?, licence_en = ?, current_version = ?, data_version = ?,
                                 updated_at = ?
                WHERE id = ? AND current_version = ?""",
                about.kind().code(), about.titleZh(), about.titleEn(), about.descriptionZh(), about.descriptionEn(),
                about.source(), about.accuracy(), about.licence(), about.sourceZh(), about.sourceEn(),
                about.licenceZh(), about.licenceEn(), versionId, dataVersion, now(), about.id(),
                replaced.getAsLong());
        if (updated == 0) {
            throw new ConcurrentLayerWriteException(spec.id());
        }
        jdbc.update("UPDATE layer_version SET state = ?, replaced_at = ? WHERE id = ?",
                VersionState.PREVIOUS.name(), now(), replaced.getAsLong());
    }

    List<LayerVersion> versions(String layerId) {
        return jdbc.query("""
                SELECT id, state, feature_count, geometry_type, checksum, created_at, created_by FROM layer_version
                WHERE layer_id = ? AND state IN (?, ?) ORDER BY id DESC""",
                (rows, n) -> new LayerVersion(rows.getLong(1), VersionState.CURRENT.name().equals(rows.getString(2)),
                        rows.getLong(3), rows.getString(4), rows.getString(5), rows.getObject(6, OffsetDateTime.class),
                        rows.getString(7)),
                layerId, VersionState.CURRENT.name(), VersionState.PREVIOUS.name());
    }

    /**
     * Points a layer back at one of its previous versions.
     *
     * @return false if the layer has no such previous version
     */
    boolean makePreviousCurrent(String layerId, long versionId) {
        // conditional, so a version retention took meanwhile (markDiscarded) is not made current
        int restored = jdbc.update("UPDATE layer_version SET state = ?, replaced_at = NULL"
                        + " WHERE id = ? AND layer_id = ? AND state = ?",
                VersionState.CURRENT.name(), versionId, layerId, VersionState.PREVIOUS.name());
        if (restored == 0) {
            return false;
        }
        jdbc.update("UPDATE layer_version SET state = ?, replaced_at = ? WHERE layer_id = ? AND state = ? AND id <> ?",
                VersionState.PREVIOUS.name(), now(), layerId, VersionState.CURRENT.name(), versionId);
        jdbc.update("UPDATE layer SET current_version = ?, data_version = ?, updated_at = ? WHERE id = ?",
                versionId, nextDataVersion(), now(), layerId);
        return true;
    }

    /** Records a single-feature edit: the new count and extent, and a new data version. */
    void recordEdit(LayerInfo layer, long featureCount, Envelope extent, String geometryType) {
        jdbc.update("""
                UPDATE layer_version SET feature_count = ?, geometry_type = ?, min_x = ?, min_y = ?, max_x = ?, max_y = ?
                WHERE id = ?""",
                featureCount, geometryType, extentValue(extent, extent.getMinX()),
                extentValue(extent, extent.getMinY()), extentValue(extent, extent.getMaxX()),
                extentValue(extent, extent.getMaxY()), layer.version());
        jdbc.update("UPDATE layer SET data_version = ?, updated_at = ? WHERE id = ?",
                nextDataVersion(), now(), layer.id());
    }

    /*
     * Layers and their fields are read by separate queries, one after the other: a query run from
     * inside another's row mapper would hold one pooled connection while waiting for a second,
     * and under load every connection would end up held by a request waiting for another.
     */
    List<LayerInfo> layers() {
        List<LayerInfo> layers = jdbc.query(LAYER_COLUMNS + " ORDER BY l.first_version", this::layerInfo);
        Map<Long, List<FieldSpec>> fields = new HashMap<>();
        jdbc.query("SELECT f.version_id, f.name, f.type, f.title_zh, f.title_en FROM layer_field f"
                + " JOIN layer l ON l.current_version = f.version_id ORDER BY f.version_id, f.ordinal", rows -> {
                    fields.computeIfAbsent(rows.getLong(1), v -> new ArrayList<>()).add(field(rows, 2));
                });
        return layers.stream().map(layer -> withFields(layer, fields.getOrDefault(layer.version(), List.of()))).toList();
    }

    Optional<LayerInfo> layer(String layerId) {
        return jdbc.query(LAYER_COLUMNS + " WHERE l.id = ?", this::layerInfo, layerId).stream().findFirst()
                .map(layer -> withFields(layer, fields(layer.version())));
    }

    /**
     * The layer, its row locked until the transaction ends: edits of one layer then run one after
     * another, each reading the feature count, and the feature, the previous one left.
     */
    Optional<LayerInfo> lockedLayer(String layerId) {
        jdbc.queryForList("SELECT id FROM layer WHERE id = ? FOR UPDATE", String.class, layerId);
        return layer(layerId);
    }

    List<LayerTable> currentTables() {
        return layers().stream().map(CatalogTables::table).toList();
    }

    /** Building versions whose writer has not been heard of since {@code before}. */
    List<Long> abandonedVersions(OffsetDateTime before) {
        return jdbc.queryForList("SELECT id FROM layer_version WHERE state = ? AND heartbeat_at < ?",
                Long.class, VersionState.BUILDING.name(), before);
    }

    /**
     * The previous versions of a layer that retention lets go: those beyond the {@code keep} most
     * recently replaced, and those replaced before {@code replacedBefore} (when given). Only
     * previous versions are candidates, so the current one never is.
     */
    List<Long> surplusPreviousVersions(String layerId, int keep, Optional<OffsetDateTime> replacedBefore) {
        // versions replaced before their replacement time was recorded count from when they were written
        record Previous(long id, OffsetDateTime replaced) {
        }
        List<Previous> previous = jdbc.query("""
                SELECT id, COALESCE(replaced_at, created_at) FROM layer_version
                WHERE layer_id = ? AND state = ? ORDER BY COALESCE(replaced_at, created_at) DESC, id DESC""",
                (rows, n) -> new Previous(rows.getLong(1), rows.getObject(2, OffsetDateTime.class)),
                layerId, VersionState.PREVIOUS.name());
        List<Long> surplus = new ArrayList<>();
        for (int i = 0; i < previous.size(); i++) {
            boolean expired = replacedBefore.isPresent() && previous.get(i).replaced().isBefore(replacedBefore.get());
            if (i >= keep || expired) {
                surplus.add(previous.get(i).id());
            }
        }
        return surplus;
    }

    /** The layers with a previous version replaced before the given time. */
    List<String> layersWithPreviousVersionsReplacedBefore(OffsetDateTime before) {
        return jdbc.queryForList("""
                SELECT DISTINCT layer_id FROM layer_version WHERE state = ? AND COALESCE(replaced_at, created_at) < ?""",
                String.class, VersionState.PREVIOUS.name(), before);
    }

    /** Forgets a version that never became current. */
    void deleteVersion(long versionId) {
        jdbc.update("DELETE FROM layer_field WHERE version_id = ?", versionId);
        jdbc.update("DELETE FROM layer_version WHERE id = ?", versionId);
    }

    /**
     * Takes a previous version out of the kept ones, before its table is dropped; the row stays for
     * the layer's history.
     *
     * @return false if the version is no longer previous (a restore made it current meanwhile)
     */
    boolean markDiscarded(long versionId) {
        int updated = jdbc.update("UPDATE layer_version SET state = ?, discarded_at = ? WHERE id = ? AND state = ?",
                VersionState.DISCARDED.name(), now(), versionId, VersionState.PREVIOUS.name());
        if (updated > 0) {
            jdbc.update("DELETE FROM layer_field WHERE version_id = ?", versionId);
        }
        return updated > 0;
    }

    /** The fields of a stored version, in column order. */
    List<FieldSpec> fields(long versionId) {
        return jdbc.query("SELECT name, type, title_zh, title_en FROM layer_field WHERE version_id = ? ORDER BY ordinal",
                (rows, n) -> field(rows, 1), versionId);
    }

    /** The field whose name, type, Chinese and English titles are in the columns from {@code first} on. */
    private static FieldSpec field(ResultSet rows, int first) throws SQLException {
        return new FieldSpec(rows.getString(first), FieldType.fromCode(rows.getString(first + 1)).orElseThrow(),
                rows.getString(first + 2), rows.getString(first + 3));
    }

    private static LayerInfo withFields(LayerInfo layer, List<FieldSpec> fields) {
        return new LayerInfo(layer.description(), layer.version(), layer.dataVersion(), layer.geometryType(),
                layer.featureCount(), layer.extent(), List.copyOf(fields), layer.checksum(), layer.updatedAt(),
                layer.writtenAt(), layer.writtenBy());
    }

    private LayerInfo layerInfo(ResultSet rows, int rowNumber) throws SQLException {
        long version = rows.getLong("current_version");
        double minX = rows.getDouble("min_x");
        Envelope extent = rows.wasNull() ? new Envelope()
                : new Envelope(minX, rows.getDouble("max_x"), rows.getDouble("min_y"), rows.getDouble("max_y"));
        LayerDescription about = new LayerDescription(
                rows.getString("id"),
                LayerKind.fromCode(rows.getString("kind")).orElseThrow(),
                rows.getString("title_zh"), rows.getString("title_en"),
                rows.getString("description_zh"), rows.getString("description_en"),
                rows.getString("source"), rows.getString("accuracy"), rows.getString("licence"),
                rows.getString("source_zh"), rows.getString("source_en"),
                rows.getString("licence_zh"), rows.getString("licence_en"));
        return new LayerInfo(about,
                version, rows.getLong("data_version"),
                rows.getString("geometry_type"), rows.getLong("feature_count"), extent,
                List.of(), rows.getString("checksum"),
                rows.getObject("updated_at", OffsetDateTime.class),
                rows.getObject("written_at", OffsetDateTime.class), rows.getString("written_by"));
    }

    private static LayerTable table(LayerInfo layer) {
        return new LayerTable(layer.id(), layer.kind(), layer.version(), layer.fields(), layer.extent());
    }

    private static Double extentValue(Envelope extent, double value) {
        return extent.isNull() ? null : value;
    }

    private long next(String sequence) {
        Long value = jdbc.queryForObject(dialect.nextValue(sequence), Long.class);
        return value == null ? 0 : value;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

package org.changchun.layout.store.jdbc;

import java.util.List;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.LayerKind;
import org.locationtech.jts.geom.Envelope;

/**
 * Where one version of a layer lives: table {@code lv_<versionId>} with columns {@code id},
 * {@code c_1}..{@code c_n} (one per field, by position) and {@code geom}.
 *
 * @param extent the features' bounding box in WGS84, null for a layer without features; it guides
 *               how a box query is written, never what it answers
 */
record LayerTable(String layerId, LayerKind kind, long versionId, List<FieldSpec> fields, Envelope extent) {

    static String tableName(long versionId) {
        return "lv_" + versionId;
    }

    static String columnName(int fieldIndex) {
        return "c_" + (fieldIndex + 1);
    }

    String table() {
        return tableName(versionId);
    }
}

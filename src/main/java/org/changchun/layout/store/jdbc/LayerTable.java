package org.changchun.layout.store.jdbc;

import java.util.List;
import org.changchun.layout.store.FieldSpec;
import org.changchun.layout.store.LayerKind;

/**
 * Where one version of a layer lives: table {@code lv_<versionId>} with columns {@code id},
 * {@code c_1}..{@code c_n} (one per field, by position) and {@code geom}.
 */
record LayerTable(String layerId, LayerKind kind, long versionId, List<FieldSpec> fields) {

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

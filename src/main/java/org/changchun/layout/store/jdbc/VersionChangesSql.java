package org.changchun.layout.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.history.ChangeKind;
import org.changchun.layout.history.FeatureChange;
import org.changchun.layout.history.VersionPair;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.dao.DataRetrievalFailureException;

/**
 * The comparison of two versions of a layer as one statement: the features of both tables are
 * paired by id (or by a key field) in one join — a {@code FULL JOIN} where the database has one
 * (PostGIS), a left join and an anti-join where it has not (H2) — and only the pairs that differ
 * come out, each with what it takes to describe the change. The database does the matching, the
 * attribute and geometry comparisons and the geometric differences ({@code ST_Difference}), in one
 * pass over both tables; the caller measures the differences on the ellipsoid.
 *
 * <p>Attributes are compared field by field for the fields both versions have (by name): with
 * {@code IS DISTINCT FROM}, so a null and a value differ; numbers of an integer and a decimal field
 * as numbers; values of fields whose types changed as text. Geometries differ unless their WKB is
 * the same or they are topologically equal ({@code ST_Equals}: the same shape with its vertices
 * in another order or starting elsewhere), which is asked only where the WKB differs.
 */
final class VersionChangesSql {

    /** A field both versions have: its position in each, and how its values are compared. */
    private record CommonField(String name, int from, int to, String comparison) {
    }

    private final VersionPair pair;
    private final SpatialDialect dialect;
    private final List<CommonField> common = new ArrayList<>();
    private final String matchFrom;
    private final String matchTo;

    VersionChangesSql(VersionPair pair, SpatialDialect dialect) {
        this.pair = pair;
        this.dialect = dialect;
        List<FieldSpec> to = pair.fieldsTo();
        for (int i = 0; i < pair.fieldsFrom().size(); i++) {
            FieldSpec field = pair.fieldsFrom().get(i);
            for (int j = 0; j < to.size(); j++) {
                if (to.get(j).name().equals(field.name())) {
                    common.add(new CommonField(field.name(), i, j, distinct(
                            "a." + LayerTable.columnName(i), field.type(), "b." + LayerTable.columnName(j),
                            to.get(j).type())));
                }
            }
        }
        if (pair.key().isEmpty()) {
            matchFrom = "a.id";
            matchTo = "b.id";
        } else {
            String key = pair.key().get();
            int i = position(pair.fieldsFrom(), key);
            int j = position(to, key);
            boolean sameType = pair.fieldsFrom().get(i).type() == to.get(j).type();
            // keys of another type in each version (text in one, numbers in the other) are matched as text
            matchFrom = sameType ? "a." + LayerTable.columnName(i) : "CAST(a." + LayerTable.columnName(i) + " AS VARCHAR)";
            matchTo = sameType ? "b." + LayerTable.columnName(j) : "CAST(b." + LayerTable.columnName(j) + " AS VARCHAR)";
        }
    }

    /**
     * Statements to run before the comparison: on a database without hash joins, an index on the key
     * field of each version, which a layer by id has already (its unique id index).
     */
    List<String> preparation() {
        if (pair.key().isEmpty() || dialect.hashJoins()) {
            return List.of();
        }
        String key = pair.key().get();
        return List.of(keyIndex(pair.from(), position(pair.fieldsFrom(), key)),
                keyIndex(pair.to(), position(pair.fieldsTo(), key)));
    }

    private static String keyIndex(long version, int field) {
        String table = LayerTable.tableName(version);
        String column = LayerTable.columnName(field);
        return "CREATE INDEX IF NOT EXISTS " + table + "_" + column + " ON " + table + " (" + column + ")";
    }

    /** @param geometries whether every change comes with its geometries, not only those it needs measuring */
    String query(boolean geometries) {
        String always = geometries ? "1 = 1" : "1 = 0";
        StringJoiner columns = new StringJoiner(", ");
        columns.add("p.a_id").add("p.b_id").add("p.a_key").add("p.b_key");
        for (int i = 0; i < pair.fieldsFrom().size(); i++) {
            columns.add("p.a_" + (i + 1));
        }
        for (int j = 0; j < pair.fieldsTo().size(); j++) {
            columns.add("p.b_" + (j + 1));
        }
        for (int k = 0; k < common.size(); k++) {
            columns.add("p.d_" + (k + 1));
        }
        columns.add("p.g");
        columns.add("CASE WHEN p.a_id IS NOT NULL AND (p.b_id IS NULL OR p.g = 1 OR " + always
                + ") THEN ST_AsBinary(p.a_geom) END");
        columns.add("CASE WHEN p.b_id IS NOT NULL AND (p.a_id IS NULL OR p.g = 1 OR " + always
                + ") THEN ST_AsBinary(p.b_geom) END");
        // the differences of lines and areas; a point that moved is measured from its two positions
        String measurable = "p.g = 1 AND ST_Dimension(p.a_geom) > 0 AND ST_Dimension(p.b_geom) > 0";
        columns.add("CASE WHEN " + measurable + " THEN ST_AsBinary(ST_Difference(p.b_geom, p.a_geom)) END");
        columns.add("CASE WHEN " + measurable + " THEN ST_AsBinary(ST_Difference(p.a_geom, p.b_geom)) END");
        StringJoiner differs = new StringJoiner(" OR ", " WHERE ", "");
        differs.add("p.a_id IS NULL").add("p.b_id IS NULL").add("p.g = 1");
        for (int k = 0; k < common.size(); k++) {
            differs.add("p.d_" + (k + 1) + " = 1");
        }
        return "SELECT " + columns + " FROM (" + pairs() + ") p" + differs
                + " ORDER BY COALESCE(p.a_key, p.b_key), p.a_id, p.b_id";
    }

    /** Every feature of either version beside its match in the other, or beside nulls. */
    private String pairs() {
        String from = LayerTable.tableName(pair.from());
        String to = LayerTable.tableName(pair.to());
        String on = " ON " + matchFrom + " = " + matchTo;
        if (dialect.fullJoins()) {
            return pairColumns() + " FROM " + from + " a FULL JOIN " + to + " b" + on;
        }
        return pairColumns() + " FROM " + from + " a LEFT JOIN " + to + " b" + on
                + " UNION ALL " + pairColumns() + " FROM " + to + " b LEFT JOIN " + from + " a" + on
                + " WHERE a.id IS NULL";
    }

    private String pairColumns() {
        StringJoiner columns = new StringJoiner(", ", "SELECT ", "");
        columns.add("a.id AS a_id").add("b.id AS b_id").add(matchFrom + " AS a_key").add(matchTo + " AS b_key");
        for (int i = 0; i < pair.fieldsFrom().size(); i++) {
            columns.add("a." + LayerTable.columnName(i) + " AS a_" + (i + 1));
        }
        for (int j = 0; j < pair.fieldsTo().size(); j++) {
            columns.add("b." + LayerTable.columnName(j) + " AS b_" + (j + 1));
        }
        for (int k = 0; k < common.size(); k++) {
            columns.add("CASE WHEN a.id IS NOT NULL AND b.id IS NOT NULL AND " + common.get(k).comparison()
                    + " THEN 1 ELSE 0 END AS d_" + (k + 1));
        }
        // the WKB comparison settles most pairs; ST_Equals, which builds topology, only the rest
        columns.add("CASE WHEN a.id IS NULL OR b.id IS NULL THEN 0"
                + " WHEN ST_AsBinary(a.geom) = ST_AsBinary(b.geom) THEN 0"
                + " WHEN ST_Equals(a.geom, b.geom) THEN 0 ELSE 1 END AS g");
        columns.add("a.geom AS a_geom").add("b.geom AS b_geom");
        return columns.toString();
    }

    /** Reads one row of {@link #query}. */
    FeatureChange read(ResultSet rows, WKBReader wkb) throws SQLException {
        String idBefore = rows.getString(1);
        String idAfter = rows.getString(2);
        String key = pair.key().isEmpty() ? null : idBefore != null ? rows.getString(3) : rows.getString(4);
        int column = 5;
        Map<String, Object> before = new LinkedHashMap<>();
        for (FieldSpec field : pair.fieldsFrom()) {
            Object value = FieldValues.read(rows, column++, field);
            if (idBefore != null) {
                before.put(field.name(), value);
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        for (FieldSpec field : pair.fieldsTo()) {
            Object value = FieldValues.read(rows, column++, field);
            if (idAfter != null) {
                after.put(field.name(), value);
            }
        }
        List<String> changedFields = new ArrayList<>();
        for (CommonField field : common) {
            if (rows.getInt(column++) == 1) {
                changedFields.add(field.name());
            }
        }
        boolean geometryChanged = rows.getInt(column++) == 1;
        ChangeKind kind = idBefore == null ? ChangeKind.ADDED : idAfter == null ? ChangeKind.REMOVED : ChangeKind.CHANGED;
        return new FeatureChange(kind, idBefore, idAfter, key, before, after, changedFields, geometryChanged,
                geometry(wkb, rows.getBytes(column)), geometry(wkb, rows.getBytes(column + 1)),
                geometry(wkb, rows.getBytes(column + 2)), geometry(wkb, rows.getBytes(column + 3)));
    }

    private static Geometry geometry(WKBReader wkb, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            Geometry geometry = wkb.read(bytes);
            geometry.setSRID(4326);
            return geometry;
        } catch (ParseException e) {
            throw new DataRetrievalFailureException("stored geometry is not valid WKB", e);
        }
    }

    /**
     * Whether two columns hold different values: of the same type compared as they are, numbers as
     * numbers, anything else as text.
     */
    private static String distinct(String left, FieldType leftType, String right, FieldType rightType) {
        if (leftType == rightType) {
            return left + " IS DISTINCT FROM " + right;
        }
        String type = numeric(leftType) && numeric(rightType) ? "DOUBLE PRECISION" : "VARCHAR";
        return "CAST(" + left + " AS " + type + ") IS DISTINCT FROM CAST(" + right + " AS " + type + ")";
    }

    private static boolean numeric(FieldType type) {
        return type == FieldType.INTEGER || type == FieldType.NUMBER;
    }

    private static int position(List<FieldSpec> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }
}

package org.changchun.layout.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.changchun.layout.csv.Csv;
import org.changchun.layout.geo.GeoJsonGeometryWriter;
import org.changchun.layout.geo.GeometryJsonModule;
import org.changchun.layout.history.ChangeViews.ChangeView;
import org.changchun.layout.history.ChangeViews.Tally;
import org.changchun.layout.history.ChangeViews.VersionView;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a comparison as it streams from the store, change by change, so a comparison of any size
 * passes through a small heap: JSON ({@link ChangeViews.LayerChanges}, totals last), GeoJSON (a
 * FeatureCollection, each change a feature with {@code change: added|removed|changed}, the later
 * geometry — the earlier one for a removed feature — and the earlier one of a moved or reshaped
 * feature as {@code geometry_before}), or CSV (one row per change, the attributes before and after).
 */
final class ChangesWriter {

    private final JsonMapper json;
    private final VersionComparisons comparisons;

    ChangesWriter(JsonMapper json, VersionComparisons comparisons) {
        this.json = json;
        this.comparisons = comparisons;
    }

    void write(Comparison comparison, ChangeFormat format, OutputStream target) {
        switch (format) {
            case JSON -> json(comparison, target);
            case GEOJSON -> geoJson(comparison, target);
            case CSV -> csv(comparison, target);
        }
    }

    private void json(Comparison comparison, OutputStream target) {
        // one flush at the end, not one per change
        ObjectWriter writer = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator out = json.createGenerator(target)) {
            out.writeStartObject();
            header(comparison, out, writer);
            out.writeArrayPropertyStart("changes");
            Tally tally = new Tally();
            comparisons.changes(comparison, false, measured -> {
                tally.add(measured);
                writer.writeValue(out, ChangeView.of(measured));
            });
            out.writeEndArray();
            out.writeName("totals");
            writer.writeValue(out, tally.totals());
            out.writeEndObject();
        }
    }

    private void geoJson(Comparison comparison, OutputStream target) {
        ObjectWriter writer = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator out = json.createGenerator(target)) {
            out.writeStartObject();
            out.writeStringProperty("type", "FeatureCollection");
            header(comparison, out, writer);
            out.writeArrayPropertyStart("features");
            Tally tally = new Tally();
            comparisons.changes(comparison, true, measured -> {
                tally.add(measured);
                feature(out, writer, measured);
            });
            out.writeEndArray();
            out.writeName("totals");
            writer.writeValue(out, tally.totals());
            out.writeEndObject();
        }
    }

    private static void header(Comparison comparison, JsonGenerator out, ObjectWriter writer) {
        out.writeStringProperty("layer", comparison.pair().layerId());
        out.writeName("from");
        writer.writeValue(out, VersionView.of(comparison.from()));
        out.writeName("to");
        writer.writeValue(out, VersionView.of(comparison.to()));
        out.writeStringProperty("matched_by", comparison.matchedBy());
        out.writeName("fields_added");
        writer.writeValue(out, comparison.fieldsAdded());
        out.writeName("fields_removed");
        writer.writeValue(out, comparison.fieldsRemoved());
    }

    private static void feature(JsonGenerator out, ObjectWriter writer, VersionComparisons.MeasuredChange measured) {
        FeatureChange change = measured.change();
        ChangeView view = ChangeView.of(measured);
        out.writeStartObject();
        out.writeStringProperty("type", "Feature");
        out.writeStringProperty("id", view.id());
        out.writeObjectPropertyStart("properties");
        out.writeStringProperty("change", view.change());
        if (view.idBefore() != null) {
            out.writeStringProperty("id_before", view.idBefore());
        }
        if (view.key() != null) {
            out.writeStringProperty("key", view.key());
        }
        out.writeName("changed_fields");
        writer.writeValue(out, view.changedFields());
        if (view.before() != null) {
            out.writeName("before");
            writer.writeValue(out, view.before());
        }
        if (view.after() != null) {
            out.writeName("after");
            writer.writeValue(out, view.after());
        }
        GeometryChange measures = measured.geometry();
        if (measures != null) {
            // flat, so GIS software shows and styles them as attributes
            number(out, "area_gained_m2", measures.areaGainedM2());
            number(out, "area_lost_m2", measures.areaLostM2());
            number(out, "length_gained_m", measures.lengthGainedM());
            number(out, "length_lost_m", measures.lengthLostM());
            number(out, "moved_m", measures.movedM());
        }
        if (change.kind() == ChangeKind.CHANGED && change.geometryChanged()) {
            out.writeName("geometry_before");
            geometry(out, change.geometryBefore());
        }
        out.writeEndObject();
        out.writeName("geometry");
        geometry(out, change.kind() == ChangeKind.REMOVED ? change.geometryBefore() : change.geometryAfter());
        out.writeEndObject();
    }

    private static void number(JsonGenerator out, String name, Double value) {
        if (value != null) {
            out.writeNumberProperty(name, value);
        }
    }

    private static void geometry(JsonGenerator out, Geometry geometry) {
        GeoJsonGeometryWriter.write(geometry, out, GeometryJsonModule.decimalsFor(geometry));
    }

    /**
     * One row per change: what changed and how much, then each field before and after (the fields of
     * either version, in the earlier version's order), then the geometry as WKT ({@code wkt}, which
     * GDAL and QGIS read). UTF-8 with a byte-order mark, as every CSV of the service.
     */
    private void csv(Comparison comparison, OutputStream target) {
        Set<String> fields = new LinkedHashSet<>();
        comparison.pair().fieldsFrom().forEach(field -> fields.add(field.name()));
        comparison.pair().fieldsTo().forEach(field -> fields.add(field.name()));
        WKTWriter wkt = new WKTWriter(2);
        wkt.setMaxCoordinatesPerLine(Integer.MAX_VALUE);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8))) {
            out.write(Csv.BOM);
            List<String> header = new ArrayList<>(List.of("change", "id", "id_before", "key", "changed_fields",
                    "area_gained_m2", "area_lost_m2", "length_gained_m", "length_lost_m", "moved_m"));
            fields.forEach(field -> header.add("before." + field));
            fields.forEach(field -> header.add("after." + field));
            header.add("wkt");
            Csv.line(out, header);
            comparisons.changes(comparison, true, measured -> {
                FeatureChange change = measured.change();
                ChangeView view = ChangeView.of(measured);
                GeometryChange measures = measured.geometry();
                List<Object> row = new ArrayList<>(List.of(view.change(), view.id()));
                row.add(view.idBefore());
                row.add(view.key());
                row.add(String.join(";", view.changedFields()));
                row.add(measures == null ? null : measures.areaGainedM2());
                row.add(measures == null ? null : measures.areaLostM2());
                row.add(measures == null ? null : measures.lengthGainedM());
                row.add(measures == null ? null : measures.lengthLostM());
                row.add(measures == null ? null : measures.movedM());
                fields.forEach(field -> row.add(value(view.before(), field)));
                fields.forEach(field -> row.add(value(view.after(), field)));
                row.add(wkt.write(change.kind() == ChangeKind.REMOVED ? change.geometryBefore() : change.geometryAfter()));
                try {
                    Csv.line(out, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(Map<String, Object> attributes, String field) {
        return attributes == null ? null : attributes.get(field);
    }
}

package org.changchun.layout.geo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.StoredProperties;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Streams features as GeoJSON Feature objects straight into a JSON generator, value by value:
 * pages and exports hold thousands of features, and going through maps and bean serializers for
 * each cost several times the database's own time. One writer per response: it encodes the
 * property names once for all the features that share them, not once per feature.
 */
public final class GeoJsonFeatureWriter {

    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString FEATURE = new SerializedString("Feature");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString PROPERTIES = new SerializedString("properties");
    private static final SerializableString GEOMETRY = new SerializedString("geometry");

    private final JsonGenerator out;
    private final List<String> selected;
    private final SerializableString[] selectedNames;
    /** The stored names the two arrays below were worked out for. */
    private StoredProperties.Names resolvedFor;
    /** For each property written, its position among {@link #resolvedFor}, -1 when it has none. */
    private int[] positions;
    private SerializableString[] encodedNames;

    /** @param properties the properties to write, in order; null for all of them */
    public GeoJsonFeatureWriter(JsonGenerator out, List<String> properties) {
        this.out = out;
        this.selected = properties;
        this.selectedNames = properties == null ? null
                : properties.stream().map(SerializedString::new).toArray(SerializableString[]::new);
    }

    /** @param geometry the geometry to write, already in the output CRS */
    public void write(Feature feature, Geometry geometry) {
        out.writeStartObject();
        out.writeName(TYPE);
        out.writeString(FEATURE);
        out.writeName(ID);
        out.writeString(feature.id());
        out.writeName(PROPERTIES);
        out.writeStartObject();
        Map<String, Object> properties = feature.properties();
        if (properties instanceof StoredProperties stored) {
            resolve(stored.names());
            for (int i = 0; i < positions.length; i++) {
                out.writeName(encodedNames[i]);
                byte[] utf8 = positions[i] < 0 ? null : stored.utf8(positions[i]);
                if (utf8 != null) {
                    out.writeUTF8String(utf8, 0, utf8.length);
                } else {
                    value(positions[i] < 0 ? null : stored.value(positions[i]));
                }
            }
        } else if (selected != null) {
            for (int i = 0; i < selectedNames.length; i++) {
                out.writeName(selectedNames[i]);
                value(properties.get(selected.get(i)));
            }
        } else {
            for (Map.Entry<String, Object> property : properties.entrySet()) {
                out.writeName(property.getKey());
                value(property.getValue());
            }
        }
        out.writeEndObject();
        out.writeName(GEOMETRY);
        GeoJsonGeometryWriter.write(geometry, out, GeometryJsonModule.decimalsFor(geometry));
        out.writeEndObject();
    }

    /** Which stored values to write under which encoded names, once for all the features sharing the names. */
    private void resolve(StoredProperties.Names names) {
        if (names == resolvedFor) {
            return;
        }
        if (selected == null) {
            positions = new int[names.size()];
            encodedNames = new SerializableString[names.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = i;
                encodedNames[i] = new SerializedString(names.get(i));
            }
        } else {
            positions = selected.stream().mapToInt(names::position).toArray();
            encodedNames = selectedNames;
        }
        resolvedFor = names;
    }

    private void value(Object value) {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof LocalDate date) {
            out.writeString(date.toString());
        } else {
            out.writeString(value.toString());
        }
    }
}

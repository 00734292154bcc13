package org.changchun.layout.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerInfo;

/**
 * A JSON Schema of a collection's properties, in the three views OGC API - Features publishes:
 * the queryables (Part 3: what a filter may name), the schema (Part 5 "returnables": what an item
 * holds, in order, with units and roles) and the sortables (Part 5: what {@code sortby} may name).
 * One builder for all three, so they cannot disagree about a property. {@code properties} is a map
 * because its member names are the layer's field names, which are data; each member is a fixed shape.
 */
@JsonPropertyOrder({"$schema", "$id", "type", "title", "description", "properties", "additionalProperties"})
record CollectionSchema(
        @JsonProperty("$schema") String schema,
        @JsonProperty("$id") String id,
        String type,
        String title,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        Map<String, Property> properties,
        @JsonProperty("additionalProperties") boolean additionalProperties) {

    static final String GEOMETRY = "geometry";
    static final String ID = "id";

    /**
     * One property's schema.
     *
     * @param type        the JSON type; absent for the geometry, as Part 5 requires of spatial properties
     * @param format      {@code date} for dates, the OGC geometry format for the geometry
     * @param xOgcRole    {@code id}, {@code primary-geometry} or {@code primary-instant} (the date field
     *                    {@code datetime} filters on); absent for the others
     * @param title       the field's titles, Chinese / English; absent when it has none
     * @param xOgcUnit    the unit of a measured number, in UCUM, where the field's name tells it
     * @param readOnly    true for the id, which the service assigns
     * @param propertySeq the position of the property in an item (schema only)
     */
    @JsonPropertyOrder({"type", "format", "x-ogc-role", "title", "x-ogc-unit", "readOnly", "x-ogc-propertySeq"})
    record Property(
            @JsonInclude(JsonInclude.Include.NON_NULL) String type,
            @JsonInclude(JsonInclude.Include.NON_NULL) String format,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("x-ogc-role") String xOgcRole,
            @JsonInclude(JsonInclude.Include.NON_NULL) String title,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("x-ogc-unit") String xOgcUnit,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("readOnly") Boolean readOnly,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("x-ogc-propertySeq") Integer propertySeq) {
    }

    /** What a filter may name: the geometry, the id and every field. */
    static CollectionSchema queryables(LayerInfo layer) {
        return document(layer, "/queryables", null, properties(layer, true, false));
    }

    /** What an item holds, in order: the id, the geometry and every field, with roles, units and positions. */
    static CollectionSchema returnables(LayerInfo layer) {
        return document(layer, "/schema", CollectionView.description(layer), properties(layer, true, true));
    }

    /** What {@code sortby} may name: the id and every field; geometries have no order. */
    static CollectionSchema sortables(LayerInfo layer) {
        return document(layer, "/sortables", null, properties(layer, false, false));
    }

    /** Whether {@code sortby} may name the property; exactly the members of {@link #sortables}. */
    static boolean sortable(LayerInfo layer, String name) {
        return ID.equals(name) || layer.field(name).isPresent();
    }

    private static CollectionSchema document(LayerInfo layer, String path, String description,
                                             Map<String, Property> properties) {
        return new CollectionSchema("https://json-schema.org/draft/2020-12/schema",
                OgcLinks.ogc("/collections/" + layer.id() + path), "object",
                CollectionView.title(layer.description()), description, properties, false);
    }

    private static Map<String, Property> properties(LayerInfo layer, boolean withGeometry, boolean describeItems) {
        Map<String, Property> properties = new LinkedHashMap<>();
        Optional<FieldSpec> primaryInstant = layer.fields().stream().filter(f -> f.type() == FieldType.DATE).findFirst();
        int position = 1;
        properties.put(ID, new Property("string", null, describeItems ? "id" : null, "要素标识 / feature id", null,
                describeItems ? Boolean.TRUE : null, describeItems ? position++ : null));
        if (withGeometry) {
            properties.put(GEOMETRY, new Property(null, geometryFormat(layer.geometryType()), "primary-geometry",
                    "几何 / geometry", null, null, describeItems ? position++ : null));
        }
        for (FieldSpec field : layer.fields()) {
            String role = describeItems && primaryInstant.filter(field::equals).isPresent() ? "primary-instant" : null;
            properties.put(field.name(), new Property(jsonType(field.type()),
                    field.type() == FieldType.DATE ? "date" : null, role, title(field),
                    describeItems ? FieldUnits.of(field).orElse(null) : null, null, describeItems ? position++ : null));
        }
        return properties;
    }

    private static String title(FieldSpec field) {
        if (field.titleZh() == null && field.titleEn() == null) {
            return null;
        }
        return (field.titleZh() == null ? "" : field.titleZh() + " / ") + (field.titleEn() == null ? "" : field.titleEn());
    }

    private static String jsonType(FieldType type) {
        return switch (type) {
            case STRING, DATE -> "string";
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
        };
    }

    private static String geometryFormat(String geometryType) {
        return switch (geometryType) {
            case "Point" -> "geometry-point";
            case "MultiPoint" -> "geometry-multipoint";
            case "LineString" -> "geometry-linestring";
            case "MultiLineString" -> "geometry-multilinestring";
            case "Polygon" -> "geometry-polygon";
            case "MultiPolygon" -> "geometry-multipolygon";
            default -> "geometry-any";
        };
    }
}

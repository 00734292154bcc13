package org.changchun.layout.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.LayerInfo;

/**
 * The queryables of a collection (OGC API - Features Part 3): a JSON Schema of the properties a
 * filter may name. {@code properties} is a map because its member names are the layer's field
 * names, which are data; each member's schema is a fixed shape.
 */
@JsonPropertyOrder({"$schema", "$id", "type", "title", "properties", "additionalProperties"})
record Queryables(
        @JsonProperty("$schema") String schema,
        @JsonProperty("$id") String id,
        String type,
        String title,
        Map<String, Queryable> properties,
        @JsonProperty("additionalProperties") boolean additionalProperties) {

    /**
     * One property's schema.
     *
     * @param format   a JSON Schema format ({@code date}) or, for the geometry, the OGC geometry format
     * @param xOgcRole {@code primary-geometry} for the geometry, absent otherwise
     * @param title    the field's titles, absent when it has none
     */
    @JsonPropertyOrder({"type", "format", "x-ogc-role", "title"})
    record Queryable(
            @JsonInclude(JsonInclude.Include.NON_NULL) String type,
            @JsonInclude(JsonInclude.Include.NON_NULL) String format,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("x-ogc-role") String xOgcRole,
            @JsonInclude(JsonInclude.Include.NON_NULL) String title) {
    }

    static Queryables of(LayerInfo layer) {
        Map<String, Queryable> properties = new LinkedHashMap<>();
        properties.put("geometry", new Queryable(null, geometryFormat(layer.geometryType()), "primary-geometry",
                "几何 / geometry"));
        properties.put("id", new Queryable("string", null, null, "要素标识 / feature id"));
        for (FieldSpec field : layer.fields()) {
            properties.put(field.name(), queryable(field));
        }
        return new Queryables("https://json-schema.org/draft/2020-12/schema",
                OgcLinks.ogc("/collections/" + layer.id() + "/queryables"), "object",
                CollectionView.title(layer.description()), properties, false);
    }

    private static Queryable queryable(FieldSpec field) {
        String title = field.titleZh() == null && field.titleEn() == null ? null
                : (field.titleZh() == null ? "" : field.titleZh() + " / ") + (field.titleEn() == null ? "" : field.titleEn());
        return switch (field.type()) {
            case STRING -> new Queryable("string", null, null, title);
            case INTEGER -> new Queryable("integer", null, null, title);
            case NUMBER -> new Queryable("number", null, null, title);
            case BOOLEAN -> new Queryable("boolean", null, null, title);
            case DATE -> new Queryable("string", "date", null, title);
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

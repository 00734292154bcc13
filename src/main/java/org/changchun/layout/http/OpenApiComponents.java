package org.changchun.layout.http;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The shared schemas of the OpenAPI document, by name, for every part that documents answers:
 * {@code web/OpenApiConfiguration} defines them, operations and customizers refer to them.
 */
public final class OpenApiComponents {

    /** The RFC 9457 problem document every error is answered with. */
    public static final String PROBLEM = "Problem";
    /** An RFC 7946 geometry, what every JTS geometry is written as. */
    public static final String GEOMETRY = "GeoJsonGeometry";

    private OpenApiComponents() {
    }

    public static Schema<?> ref(String schema) {
        return new Schema<>().$ref("#/components/schemas/" + schema);
    }

    /** The body of an error answer: a problem document. */
    public static Content problem() {
        return new Content().addMediaType(MediaTypes.PROBLEM_JSON_VALUE, new MediaType().schema(ref(PROBLEM)));
    }
}

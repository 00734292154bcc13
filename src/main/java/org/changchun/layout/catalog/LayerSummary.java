package org.changchun.layout.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;

/**
 * A layer as {@code /api/layers} describes it.
 *
 * @param extent [west, south, east, north] in WGS84 degrees, null for an empty layer
 */
record LayerSummary(
        String id,
        String titleZh,
        String titleEn,
        @JsonInclude(JsonInclude.Include.NON_NULL) String descriptionZh,
        @JsonInclude(JsonInclude.Include.NON_NULL) String descriptionEn,
        String kind,
        String geometryType,
        long featureCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) double[] extent,
        @JsonInclude(JsonInclude.Include.NON_NULL) String accuracy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String source,
        @JsonInclude(JsonInclude.Include.NON_NULL) String licence,
        long version,
        long dataVersion,
        OffsetDateTime updatedAt,
        List<Field> fields) {

    @Schema(name = "LayerField")
    record Field(String name, String type, @JsonInclude(JsonInclude.Include.NON_NULL) String titleZh,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String titleEn) {

        static Field of(FieldSpec spec) {
            return new Field(spec.name(), spec.type().code(), spec.titleZh(), spec.titleEn());
        }
    }

    static LayerSummary of(LayerInfo layer) {
        double[] extent = layer.extent().isNull() ? null : new double[] {
            layer.extent().getMinX(), layer.extent().getMinY(), layer.extent().getMaxX(), layer.extent().getMaxY()};
        LayerDescription about = layer.description();
        return new LayerSummary(about.id(), about.titleZh(), about.titleEn(), about.descriptionZh(),
                about.descriptionEn(), about.kind().code(), layer.geometryType(), layer.featureCount(), extent,
                about.accuracy(), about.source(), about.licence(), layer.version(), layer.dataVersion(),
                layer.updatedAt(), layer.fields().stream().map(Field::of).toList());
    }
}

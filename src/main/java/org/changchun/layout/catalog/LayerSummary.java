package org.changchun.layout.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;

/**
 * A layer as {@code /api/layers} describes it.
 *
 * @param extent     [west, south, east, north] in WGS84 degrees, null for an empty layer
 * @param source     the source as it has always been given (English or language-neutral); sourceZh and
 *                   sourceEn are the Chinese and English texts, when the layer has them (licence alike)
 * @param importedAt for an imported layer, when its current version was imported
 * @param importedBy for an imported layer, the account that imported it
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
        @JsonInclude(JsonInclude.Include.NON_NULL) String sourceZh,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sourceEn,
        @JsonInclude(JsonInclude.Include.NON_NULL) String licenceZh,
        @JsonInclude(JsonInclude.Include.NON_NULL) String licenceEn,
        long version,
        long dataVersion,
        OffsetDateTime updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime importedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String importedBy,
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
        Optional<ImportProvenance> imported = ImportProvenance.of(layer);
        return new LayerSummary(about.id(), about.titleZh(), about.titleEn(), about.descriptionZh(),
                about.descriptionEn(), about.kind().code(), layer.geometryType(), layer.featureCount(), extent,
                about.accuracy(), about.source(), about.licence(), about.sourceZh(), about.sourceEn(),
                about.licenceZh(), about.licenceEn(), layer.version(), layer.dataVersion(),
                layer.updatedAt(), imported.map(ImportProvenance::at).orElse(null),
                imported.map(ImportProvenance::by).orElse(null), layer.fields().stream().map(Field::of).toList());
    }
}

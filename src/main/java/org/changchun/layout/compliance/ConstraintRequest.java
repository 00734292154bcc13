package org.changchun.layout.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What an editor says when marking a layer as a constraint. Only {@code kind} is required: every
 * member left out takes the value of the kind in gis-data/rules.json.
 *
 * @param inside  the level a site inside the line fires: conflict, condition, advice, or none
 * @param outside the level a site outside the line fires (e.g. an urban development boundary)
 * @param sample  the layer is a schematic sample with no legal effect
 */
@Schema(name = "ConstraintRequest")
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConstraintRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "basic-farmland") String kind,
        @Schema(example = "conflict") String inside,
        @Schema(example = "none") String outside,
        List<String> permittedIndustries,
        String messageZh,
        String messageEn,
        String documentZh,
        String documentEn,
        String quoteZh,
        String quoteEn,
        Boolean sample) {
}

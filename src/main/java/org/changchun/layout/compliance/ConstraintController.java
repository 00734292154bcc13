package org.changchun.layout.compliance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.ForEditors;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.plan.rules.AreaPurpose;
import org.changchun.layout.plan.rules.ConstraintKind;
import org.changchun.layout.plan.rules.ConstraintRule;
import org.changchun.layout.plan.rules.GeneralRules;
import org.changchun.layout.plan.rules.PlanRules;
import org.changchun.layout.plan.rules.Restriction;
import org.changchun.layout.plan.rules.RuleBook;
import org.changchun.layout.plan.rules.RuleSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ContentNegotiated
@RequestMapping(value = "/api/compliance", produces = MediaTypes.JSON_VALUE)
@Tag(name = "合规审查 Compliance")
class ConstraintController {

    /**
     * The rules a review applies: what the plan data says (gis-data/rules.json) and the constraint layers,
     * shipped and marked.
     */
    @JsonPropertyOrder({"about_zh", "about_en", "checksum", "sources", "city_sources", "areas", "restrictions",
        "general", "constraint_kinds", "constraints"})
    @Schema(name = "ComplianceRules")
    record Rules(String aboutZh, String aboutEn, String checksum, List<RuleSource> sources,
                 Map<String, String> citySources, List<AreaPurpose> areas, List<Restriction> restrictions,
                 GeneralRules general, List<ConstraintKind> constraintKinds, List<ConstraintRule> constraints) {
    }

    private final PlanRules rules;
    private final ConstraintLayers constraints;
    private final LayerCatalog catalog;

    ConstraintController(PlanRules rules, ConstraintLayers constraints, LayerCatalog catalog) {
        this.rules = rules;
        this.constraints = constraints;
        this.catalog = catalog;
    }

    @GetMapping("/rules")
    @Operation(summary = "审查规则 / the review's rules",
            description = "Every rule a review applies, with its level and source: what each plan area is meant for "
                    + "(cities and industries), what it restricts, the rules every site is held to, the kinds of "
                    + "control line and the constraint layers (from gis-data/rules.json, and those editors marked)")
    @ApiResponse(responseCode = "200", description = "OK")
    Rules rules() {
        RuleBook book = rules.current();
        return new Rules(book.aboutZh(), book.aboutEn(), book.checksum(), List.copyOf(book.sources().values()),
                book.citySources(), book.areas(), book.restrictions(), book.general(), book.constraintKinds(),
                constraints.all());
    }

    @GetMapping("/constraints")
    @Operation(summary = "约束图层 / constraint layers",
            description = "The layers whose polygons are control lines (永久基本农田, 生态保护红线, 城镇开发边界 …), with "
                    + "their rule: the level inside and outside the line, the industries it permits, its document; "
                    + "origin rules.json (shipped with the plan data) or marked (an imported layer an editor marked)")
    @ApiResponse(responseCode = "200", description = "OK")
    List<ConstraintRule> constraints() {
        return constraints.all();
    }

    @PutMapping(value = "/constraints/{layer}", consumes = MediaTypes.JSON_VALUE)
    @Operation(summary = "标记约束图层 / mark an imported layer as a constraint (editors)",
            description = "Marks an imported polygon layer as a control line of a kind (see constraint_kinds of "
                    + "/api/compliance/rules: ecological-red-line, basic-farmland, urban-development-boundary). Members "
                    + "left out take the kind's values; inside/outside: conflict, condition, advice or none. Marking "
                    + "again replaces the rule. Plan layers cannot be marked here (their rules are in rules.json).")
    @ForEditors
    @ApiResponse(responseCode = "200", description = "已标记 / marked")
    @ApiResponse(responseCode = "404", description = "没有该图层 / no such layer")
    @ApiResponse(responseCode = "409", description = "规划图层的规则在 rules.json 中 / a plan layer: its rules are in rules.json")
    @ApiResponse(responseCode = "415", description = "须为 application/json / the body must be application/json")
    ConstraintRule mark(@PathVariable String layer, @RequestBody ConstraintRequest request, Principal user) {
        return constraints.mark(layer, request, user == null ? null : user.getName());
    }

    @DeleteMapping("/constraints/{layer}")
    @Operation(summary = "取消约束标记 / unmark a constraint layer (editors)",
            description = "The layer stays as it is; reviews no longer hold sites to its rule.")
    @ForEditors
    @ApiResponse(responseCode = "204", description = "已取消 / unmarked")
    @ApiResponse(responseCode = "404", description = "该图层不存在或未被标记 / no such layer, or it is not marked")
    @ApiResponse(responseCode = "409", description = "规划图层的规则在 rules.json 中 / a plan layer: its rules are in rules.json")
    ResponseEntity<Void> unmark(@PathVariable String layer) {
        if (catalog.find(layer).map(l -> l.kind() != LayerKind.IMPORTED).orElse(false)) {
            throw new PlanLayerConstraintException(layer);
        }
        if (!constraints.unmark(layer)) {
            throw new ConstraintNotFoundException(layer);
        }
        return ResponseEntity.noContent().build();
    }
}

package org.changchun.layout.maps.serving;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.maps.PlanStyle;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.node.ObjectNode;

/**
 * OGC API - Styles paths for the one plan style: the map page, the renderer and print all draw with it.
 */
@RestController
@Tag(name = "OGC API - Styles", description = "规划图层的唯一样式 / the one style of the plan layers")
class StylesController {

    /** The list of styles ({@code /ogc/styles}). */
    record Styles(List<StyleEntry> styles) {
    }

    record StyleEntry(String id, String title, List<StyleLink> links) {
    }

    record StyleLink(String href, String rel, String type, String title) {
    }

    private final PlanStyle style;

    StylesController(PlanStyle style) {
        this.style = style;
    }

    @GetMapping(value = "/ogc/styles", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "样式列表 / the styles")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaTypes.JSON_VALUE,
            schema = @Schema(implementation = Styles.class)))
    Styles styles() {
        String href = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/ogc/styles/" + PlanStyle.ID;
        return new Styles(List.of(new StyleEntry(PlanStyle.ID, "长春市空间布局 / Changchun plan", List.of(
                new StyleLink(href, "stylesheet", MediaTypes.MAPLIBRE_STYLE_VALUE, "MapLibre 样式 / MapLibre style")))));
    }

    @GetMapping("/ogc/styles/{styleId}")
    @Operation(summary = "规划样式（MapLibre）/ the plan style as a MapLibre style document",
            description = "Each layer's fill, line, circle and label, and their zoom ranges; projects are coloured by "
                    + "the city they serve (cities.json), imported layers take the next colour of the palette.")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            mediaType = MediaTypes.MAPLIBRE_STYLE_VALUE, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "404", description = "没有该样式 / no such style")
    ResponseEntity<ObjectNode> style(@PathVariable String styleId) {
        if (!PlanStyle.ID.equals(styleId)) {
            throw new StyleNotFoundException(styleId);
        }
        ObjectNode document = style.document();
        ObjectNode source = (ObjectNode) document.get("sources").get("plan");
        source.put("url", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + source.get("url").asString());
        return ResponseEntity.ok().contentType(MediaTypes.MAPLIBRE_STYLE).body(document);
    }
}

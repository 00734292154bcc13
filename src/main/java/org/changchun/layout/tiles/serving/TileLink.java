package org.changchun.layout.tiles.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.changchun.layout.tiles.TileMatrixSet;

/**
 * A link in the tile documents: an OGC API link ({@code ogc/Link}) with the {@code templated}
 * member that a tileset's link to its tiles needs.
 *
 * @param templated true when {@code href} is a URI template, absent otherwise
 * @param title     absent when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"href", "rel", "type", "templated", "title"})
record TileLink(String href, String rel, String type, Boolean templated, String title) {

    static TileLink to(String href, String rel, String type, String title) {
        return new TileLink(href, rel, type, null, title);
    }

    static TileLink toTemplate(String href, String rel, String type, String title) {
        return new TileLink(href, rel, type, true, title);
    }

    /**
     * The link to the definition of the tile matrix set.
     *
     * @param base  the service's root, as the client asked for it
     * @param title may be null
     */
    static TileLink tilingScheme(String base, String title) {
        return to(base + "/ogc/tileMatrixSets/" + TileMatrixSet.ID,
                "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", "application/json", title);
    }
}

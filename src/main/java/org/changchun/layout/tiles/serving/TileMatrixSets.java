package org.changchun.layout.tiles.serving;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.changchun.layout.tiles.TileMatrixSet;

/** The tile matrix sets served ({@code /ogc/tileMatrixSets}): WebMercatorQuad alone. */
record TileMatrixSets(@JsonProperty("tileMatrixSets") List<TileMatrixSetSummary> tileMatrixSets) {

    /** A tile matrix set as the list names it; its definition is {@link TileMatrixSet}. */
    @JsonPropertyOrder({"id", "title", "uri", "links"})
    record TileMatrixSetSummary(String id, String title, String uri, List<TileLink> links) {
    }

    /** @param base the service's root, as the client asked for it */
    static TileMatrixSets of(String base) {
        return new TileMatrixSets(List.of(new TileMatrixSetSummary(TileMatrixSet.ID, TileMatrixSet.TITLE,
                TileMatrixSet.URI, List.of(TileLink.tilingScheme(base, null)))));
    }
}

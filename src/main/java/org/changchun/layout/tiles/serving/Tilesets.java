package org.changchun.layout.tiles.serving;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.changchun.layout.tiles.TileMatrixSet;

/** The tilesets of a collection or of the whole plan ({@code .../tiles}): one, of vector tiles in WebMercatorQuad. */
@JsonPropertyOrder({"links", "tilesets"})
record Tilesets(List<TileLink> links, List<Tileset> tilesets) {

    /** A tileset as the list names it; its metadata is {@link TilesetMetadata}. */
    @JsonPropertyOrder({"title", "tileMatrixSetURI", "crs", "dataType", "links"})
    record Tileset(
            String title,
            @JsonProperty("tileMatrixSetURI") String tileMatrixSetUri,
            String crs,
            @JsonProperty("dataType") String dataType,
            List<TileLink> links) {
    }

    /**
     * @param base the service's root, as the client asked for it
     * @param path the list's path from there
     */
    static Tilesets of(String base, String path, String title) {
        String self = base + path;
        return new Tilesets(List.of(TileLink.to(self, "self", "application/json", "瓦片集列表 / tilesets")),
                List.of(new Tileset(title, TileMatrixSet.URI, TileMatrixSet.CRS, "vector", List.of(
                        TileLink.to(self + "/" + TileMatrixSet.ID, "self", "application/json", "瓦片集 / tileset"),
                        TileLink.tilingScheme(base, TileMatrixSet.ID)))));
    }
}

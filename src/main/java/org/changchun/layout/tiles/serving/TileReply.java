package org.changchun.layout.tiles.serving;

import java.util.List;
import java.util.function.Predicate;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.tiles.Tile;
import org.changchun.layout.tiles.TileAddress;
import org.changchun.layout.tiles.TileService;

/**
 * How a tile request is answered, decided once for every way a tile is served: 304 when the
 * client's copy is current, 204 for an empty tile, 200 with the tile.
 *
 * @param tile null for a 304
 */
record TileReply(int status, String etag, Tile tile) {

    static final int OK = 200;
    static final int NO_CONTENT = 204;
    static final int NOT_MODIFIED = 304;

    /** @param clientHas whether the client's {@code If-None-Match} names this entity tag */
    static TileReply to(List<LayerInfo> layers, TileAddress address, boolean gzip, Predicate<String> clientHas,
                        TileService tiles) {
        String etag = tiles.etag(layers, address, gzip);
        if (clientHas.test(etag)) {
            return new TileReply(NOT_MODIFIED, etag, null);
        }
        Tile tile = tiles.tile(layers, address, etag, gzip);
        return new TileReply(tile.isEmpty() ? NO_CONTENT : OK, etag, tile);
    }
}

package org.changchun.layout.tiles.serving;

import org.changchun.layout.tiles.Tile;

/**
 * What a tile request is answered with, as {@link TileAnswers#reply} decides it: 304 when the
 * client's copy is current, 204 for an empty tile, 200 with the tile.
 *
 * @param etag        the tile's entity tag, sent with every status
 * @param tile        null for a 304
 * @param crossOrigin asked by a page of another origin: a public read, so the answer allows any
 *                    origin ({@link org.changchun.layout.security.PublicCors})
 */
public record TileReply(int status, String etag, Tile tile, boolean crossOrigin) {

    static final int OK = 200;
    static final int NO_CONTENT = 204;
    static final int NOT_MODIFIED = 304;

    static TileReply notModified(String etag, boolean crossOrigin) {
        return new TileReply(NOT_MODIFIED, etag, null, crossOrigin);
    }

    static TileReply of(Tile tile, boolean crossOrigin) {
        return new TileReply(tile.isEmpty() ? NO_CONTENT : OK, tile.etag(), tile, crossOrigin);
    }

    /** The body to send, the tile's bytes as coded (not a copy); null when the answer has none (204, 304). */
    public byte[] body() {
        return status == OK ? tile.bytes() : null;
    }
}

package org.changchun.layout.tiles;

/**
 * An encoded tile and its entity tag.
 *
 * @param bytes   empty when no feature falls in the tile
 * @param etag    the strong entity tag, quoted; the same for the same layers' data versions, tile
 *                and coding
 * @param gzipped whether the bytes are the tile gzip-compressed (never when empty)
 */
public record Tile(byte[] bytes, String etag, boolean gzipped) {

    public boolean isEmpty() {
        return bytes.length == 0;
    }
}

package org.changchun.layout.tiles;

/**
 * An encoded tile and its entity tag.
 *
 * @param bytes empty when no feature falls in the tile
 * @param etag  the strong entity tag, quoted; the same for the same layers' data versions and tile
 */
record Tile(byte[] bytes, String etag) {

    boolean isEmpty() {
        return bytes.length == 0;
    }
}

package org.changchun.layout.frontdoor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip at deflate's fastest level. Tomcat compresses at zlib's default level 6, which for a page
 * of a thousand features (~490 KiB of GeoJSON) cost more CPU than making the page; level 1 takes a
 * fraction of that for an answer some tenth larger (measured in docs/benchmarks.md, "OGC API items").
 */
final class FastGzip {

    private FastGzip() {
    }

    static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, bytes.length / 8));
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return compressed.toByteArray();
    }
}

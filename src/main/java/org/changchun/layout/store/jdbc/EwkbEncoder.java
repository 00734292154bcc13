package org.changchun.layout.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.OutStream;
import org.locationtech.jts.io.WKBWriter;

/**
 * 2D EWKB with the SRID, as PostGIS takes it in a binary {@code COPY}, one geometry after another.
 * JTS's {@link WKBWriter#write(Geometry)} hands each coordinate to a synchronized
 * {@code ByteArrayOutputStream}; here the writer fills one reused array and each geometry costs the
 * copy handed out. One instance per thread.
 */
final class EwkbEncoder {

    private final WKBWriter writer = new WKBWriter(2, true);
    private final Sink sink = new Sink();

    byte[] encode(Geometry geometry, int srid) {
        geometry.setSRID(srid);
        sink.length = 0;
        try {
            writer.write(geometry, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("the sink is an array and does not fail", e);
        }
        return Arrays.copyOf(sink.bytes, sink.length);
    }

    private static final class Sink implements OutStream {

        private byte[] bytes = new byte[1024];
        private int length;

        @Override
        public void write(byte[] buffer, int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + count));
            }
            System.arraycopy(buffer, 0, bytes, length, count);
            length += count;
        }
    }
}

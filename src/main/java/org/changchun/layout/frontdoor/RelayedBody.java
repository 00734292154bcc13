package org.changchun.layout.frontdoor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * The body of the container's answer as the door sends it on, copied in chunks as big as the
 * container's socket writes (64 KiB, web/TomcatConnectorSettings) rather than HttpCore's 4 KiB:
 * a page of items (half a megabyte of GeoJSON) then crosses the door in a few reads and writes
 * instead of a couple of hundred system calls.
 */
final class RelayedBody extends AbstractHttpEntity {

    static final int CHUNK = 64 * 1024;

    private final InputStream content;
    private final long length;

    /** @param length the length the container declared, or -1 when it streams one of its own choosing */
    RelayedBody(InputStream content, long length) {
        super((String) null, null);
        this.content = content;
        this.length = length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = content) {
            byte[] chunk = new byte[CHUNK];
            long left = length;
            while (left != 0) {
                int read = in.read(chunk, 0, left < 0 ? CHUNK : (int) Math.min(CHUNK, left));
                if (read == -1) {
                    break;
                }
                out.write(chunk, 0, read);
                if (left > 0) {
                    left -= read;
                }
            }
        }
    }

    @Override
    public InputStream getContent() {
        return content;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public boolean isStreaming() {
        return true;
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}

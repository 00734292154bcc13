package org.changchun.layout.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary file that bytes set aside during a write are appended to and read back from at their
 * offsets, made on the first append. It is deleted on close, on Unix as soon as it is open, so not
 * even a crash leaves it behind.
 */
public final class SpillFile implements AutoCloseable {

    /** Where a write's spill files go: the JVM's temporary folder. */
    public static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"));

    private final Path directory;
    private final String prefix;
    private FileChannel channel;
    private Path file;
    private long size;

    /** @param prefix the start of the file's name, saying what it holds */
    public SpillFile(Path directory, String prefix) {
        this.directory = directory;
        this.prefix = prefix;
    }

    /** Appends the buffer's remaining bytes; returns the offset they start at. */
    public long append(ByteBuffer bytes) throws IOException {
        if (channel == null) {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, prefix, ".spill");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        }
        long start = size;
        while (bytes.hasRemaining()) {
            size += channel.write(bytes, size);
        }
        return start;
    }

    /** Fills the buffer's remaining room from the offset on, as far as the file goes; returns the bytes read. */
    public int read(ByteBuffer into, long offset) throws IOException {
        int read = 0;
        while (into.hasRemaining() && offset + read < size) {
            int got = channel.read(into, offset + read);
            if (got < 0) {
                throw new IOException("the spill file " + file + " ended early");
            }
            read += got;
        }
        return read;
    }

    /** How many bytes have been appended. */
    public long size() {
        return size;
    }

    /** Where the bytes are, for messages: the file, or before the first append the folder it will be made in. */
    public Path location() {
        return file != null ? file : directory;
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the spill file " + file, e);
        }
    }
}

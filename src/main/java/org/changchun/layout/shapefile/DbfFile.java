package org.changchun.layout.shapefile;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The structure of a dBase (.dbf) file: its header checked against the file, its field
 * descriptors with their names as raw bytes (the charset is decided elsewhere), and a sequential
 * reader that hands out records from blocks of a few dozen kilobytes, so a file of any size is
 * read with constant memory.
 *
 * <p>Why not H2GIS's {@code DbaseFileReader}: it returns every date as NULL (the date is parsed and
 * then dropped), decodes each value with a decoder that silently stops at the first byte that is
 * not valid in the charset, exposes neither the raw field-name bytes nor the language driver
 * byte, and does not check the header against the file length (a truncated file fails later with
 * a buffer underflow). Encoding detection needs the raw bytes anyway, so the format is read here.
 *
 * <p>Refusals are {@link InvalidShapefileException}s naming the file.
 */
final class DbfFile implements Closeable {

    /** One field descriptor; {@code offset} counts from the start of the record (after the deletion flag). */
    record Field(byte[] rawName, char type, int offset, int length, int decimals) {
    }

    private static final int DESCRIPTOR = 32;
    private static final int BLOCK_BYTES = 64 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final int recordCount;
    private final int headerLength;
    private final int recordLength;
    private final int languageDriver;
    private final List<Field> fields;

    private DbfFile(Path path, FileChannel channel, int recordCount, int headerLength, int recordLength,
            int languageDriver, List<Field> fields) {
        this.path = path;
        this.channel = channel;
        this.recordCount = recordCount;
        this.headerLength = headerLength;
        this.recordLength = recordLength;
        this.languageDriver = languageDriver;
        this.fields = fields;
    }

    /** Opens the file and checks that its header is sane and the file holds every record it declares. */
    static DbfFile open(Path path) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path);
            DbfFile file = readHeader(path, channel);
            channel = null;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static DbfFile readHeader(Path path, FileChannel channel) throws IOException {
        String name = path.getFileName().toString();
        long size = channel.size();
        if (size < DESCRIPTOR + 1) {
            throw damaged(name, "文件只有 " + size + " 字节，放不下文件头", "it has only " + size
                    + " bytes, too few for a header");
        }
        ByteBuffer head = ByteBuffer.allocate(DESCRIPTOR).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, head, 0);
        int version = head.get(0) & 0xff;
        boolean dbase = (version & 0x07) == 3 || (version & 0x07) == 4 || (version & 0x07) == 5;
        boolean foxPro = version == 0x30 || version == 0x31 || version == 0x32;
        if (!dbase && !foxPro) {
            throw damaged(name, String.format("首字节 0x%02X 不是 dBase 版本号", version),
                    String.format("its first byte 0x%02X is not a dBase version", version));
        }
        long records = head.getInt(4) & 0xffffffffL;
        int headerLength = head.getShort(8) & 0xffff;
        int recordLength = head.getShort(10) & 0xffff;
        int languageDriver = head.get(29) & 0xff;
        if (records > Integer.MAX_VALUE) {
            throw damaged(name, "记录数 " + records + " 不合理", "its record count " + records + " is not plausible");
        }
        if (headerLength < DESCRIPTOR + 1 || headerLength > size) {
            throw damaged(name, "文件头长度 " + headerLength + " 不合理（文件共 " + size + " 字节）",
                    "its header length " + headerLength + " is not plausible for a file of " + size + " bytes");
        }
        ByteBuffer descriptors = ByteBuffer.allocate(headerLength - DESCRIPTOR).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, descriptors, DESCRIPTOR);
        List<Field> fields = new ArrayList<>();
        int offset = 1;
        int position = 0;
        boolean terminated = false;
        while (position < descriptors.capacity()) {
            if (descriptors.get(position) == 0x0D) {
                terminated = true;
                break;
            }
            if (position + DESCRIPTOR > descriptors.capacity()) {
                break;
            }
            byte[] raw = new byte[11];
            descriptors.get(position, raw);
            int end = 0;
            while (end < raw.length && raw[end] != 0) {
                end++;
            }
            char type = (char) (descriptors.get(position + 11) & 0xff);
            int length = descriptors.get(position + 16) & 0xff;
            int decimals = descriptors.get(position + 17) & 0xff;
            if (type != 'N' && type != 'F' && type != 'n' && type != 'f') {
                // Clipper and FoxPro keep the high byte of long text widths in the decimals byte (shapelib reads it so too)
                length += decimals * 256;
                decimals = 0;
            }
            fields.add(new Field(Arrays.copyOf(raw, end), Character.toUpperCase(type), offset - 1, length, decimals));
            offset += length;
            position += DESCRIPTOR;
        }
        if (!terminated) {
            throw damaged(name, "字段描述没有结束标记 0x0D", "its field descriptors lack the 0x0D terminator");
        }
        if (offset > recordLength) {
            throw damaged(name, "各字段宽度之和 " + (offset - 1) + " 超过文件头声明的记录长度 " + recordLength,
                    "its fields add up to " + (offset - 1) + " bytes, more than the record length " + recordLength
                            + " in its header");
        }
        long expected = headerLength + records * recordLength;
        if (size < expected) {
            throw new InvalidShapefileException(
                    "文件不完整（被截断）：" + name + " 应有 " + String.format("%,d", expected) + " 字节（" + records
                            + " 条记录），实际只有 " + String.format("%,d", size) + " 字节；请重新导出或重新压缩上传",
                    "the .dbf is truncated: expected " + String.format("%,d", expected) + " bytes for " + records
                            + " records, found " + String.format("%,d", size) + " (" + name
                            + "); export or zip it again and upload the whole file");
        }
        return new DbfFile(path, channel, (int) records, headerLength, recordLength, languageDriver, List.copyOf(fields));
    }

    private static InvalidShapefileException damaged(String name, String whyZh, String whyEn) {
        return new InvalidShapefileException("属性表 " + name + " 不是有效的 dBase 文件：" + whyZh + "；请重新导出 shapefile",
                "the attribute table " + name + " is not a valid dBase file: " + whyEn + "; export the shapefile again");
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            at += n;
        }
        buffer.flip();
    }

    Path path() {
        return path;
    }

    int recordCount() {
        return recordCount;
    }

    int recordLength() {
        return recordLength;
    }

    /** Byte 29 of the header, the dBase language driver id (0 when the writer did not set it). */
    int languageDriver() {
        return languageDriver;
    }

    List<Field> fields() {
        return fields;
    }

    /** A new sequential reader positioned before the first record. */
    Records records() {
        return new Records();
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was written, so nothing can be lost
            }
        }
    }

    /**
     * Walks the records in order. After {@link #next()} returns true, the current record's bytes
     * are in {@link #bytes()} from {@link #start()} (the deletion flag) for {@code recordLength}
     * bytes; the array is reused for the next block, so copy what must outlive the record.
     */
    final class Records {

        private final int perBlock = Math.max(1, BLOCK_BYTES / Math.max(1, recordLength));
        private final byte[] block = new byte[perBlock * recordLength];
        private int index = -1;
        private int blockFirst = 0;
        private int blockCount = 0;

        boolean next() {
            if (index + 1 >= recordCount) {
                index = recordCount;
                return false;
            }
            index++;
            if (index >= blockFirst + blockCount) {
                load(index);
            }
            return true;
        }

        private void load(int first) {
            int count = Math.min(perBlock, recordCount - first);
            ByteBuffer buffer = ByteBuffer.wrap(block, 0, count * recordLength);
            try {
                readFully(channel, buffer, headerLength + (long) first * recordLength);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            blockFirst = first;
            blockCount = count;
        }

        /** The index of the current record, from 0. */
        int index() {
            return index;
        }

        byte[] bytes() {
            return block;
        }

        /** Where the current record starts in {@link #bytes()}: its deletion flag. */
        int start() {
            return (index - blockFirst) * recordLength;
        }

        /** Whether the current record is marked deleted ('*'), which readers such as GDAL skip. */
        boolean deleted() {
            return block[start()] == '*';
        }

        /** Where a field's bytes start in {@link #bytes()} for the current record. */
        int fieldStart(Field field) {
            return start() + 1 + field.offset();
        }
    }
}

package org.changchun.layout.shapefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileHeader;

/**
 * The checks {@link ShapefileSource#open} makes before any record is read, so that a damaged
 * shapefile is refused up front rather than half-way through an import: each .shp and .shx
 * header (magic 9994, version 1000, a plausible length that the file really has: a truncated
 * file is refused naming expected and actual bytes), an .shx of 100 + 8 × records with the
 * .shp's shape type, a shape type this reader supports, and as many records in the .dbf as
 * shapes in the .shx. Refusals are {@link InvalidShapefileException}s naming the file.
 */
final class ShapefileHeaders {

    /** The bytes of a .shp or .shx header, where the first record or index entry starts. */
    static final int LENGTH = 100;
    private static final int MAGIC = 9994;
    private static final int VERSION = 1000;

    private ShapefileHeaders() {
    }

    /** The header of a .shp or .shx ({@code kind}), once it and the file's length are checked. */
    static ShapefileHeader checked(String name, String kind, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < LENGTH) {
            throw truncated(name, kind, LENGTH, size);
        }
        ByteBuffer head = ByteBuffer.allocate(LENGTH);
        while (head.hasRemaining()) {
            if (channel.read(head, head.position()) < 0) {
                throw truncated(name, kind, LENGTH, size);
            }
        }
        head.flip();
        int magic = head.order(ByteOrder.BIG_ENDIAN).getInt(0);
        int version = head.order(ByteOrder.LITTLE_ENDIAN).getInt(28);
        if (magic != MAGIC || version != VERSION) {
            throw damaged(name, "文件头的标识是 " + magic + "/" + version + "，不是 9994/1000，这不是 " + kind + " 文件",
                    "its header says " + magic + "/" + version + " instead of 9994/1000, so it is not a " + kind + " file");
        }
        ShapefileHeader header = new ShapefileHeader();
        header.read(head.rewind());
        long declared = 2L * header.getFileLength();
        if (declared < LENGTH) {
            throw damaged(name, "文件头声明的长度 " + declared + " 不合理", "its declared length " + declared + " is not plausible");
        }
        if (size < declared) {
            throw truncated(name, kind, declared, size);
        }
        return header;
    }

    /** The number of shapes the .shx indexes, once it is checked against the .shp. */
    static int indexedShapes(ShapefileSet set, ShapefileHeader shpHeader, ShapefileHeader shxHeader) {
        long shxBytes = 2L * shxHeader.getFileLength();
        if ((shxBytes - LENGTH) % 8 != 0) {
            throw damaged(set.shx().getFileName().toString(), "文件头声明的长度 " + shxBytes + " 不是 100 + 8 × 记录数",
                    "its declared length " + shxBytes + " is not 100 + 8 × records");
        }
        ShapeType type = shpHeader.getShapeType();
        if (shxHeader.getShapeType() != type) {
            throw damaged(set.shx().getFileName().toString(), "图形类型（" + shxHeader.getShapeType() + "）与 .shp 的（" + type
                    + "）不同", "its shape type (" + shxHeader.getShapeType() + ") differs from the .shp's (" + type + ")");
        }
        requireSupported(set, type);
        return (int) ((shxBytes - LENGTH) / 8);
    }

    /** Refuses a .dbf whose record count differs from the .shx's: the files are from different versions. */
    static void requireSameCount(ShapefileSet set, int shapeCount, int dbfRecords) {
        if (dbfRecords != shapeCount) {
            throw new InvalidShapefileException(
                    "“" + set.name() + "”的 .shx 有 " + String.format("%,d", shapeCount) + " 个图形，但 .dbf 有 "
                            + String.format("%,d", dbfRecords) + " 条记录：这些文件来自不同的版本；请重新导出后一起压缩上传",
                    "\"" + set.name() + "\" has " + String.format("%,d", shapeCount) + " shapes but the .dbf has "
                            + String.format("%,d", dbfRecords) + " records: the files are from different "
                            + "versions; export them again and zip them together");
        }
    }

    private static void requireSupported(ShapefileSet set, ShapeType type) {
        if (type.isPointType() || type.isMultiPointType() || type.isLineType() || type.isPolygonType()) {
            return;
        }
        String what = type == ShapeType.NULL ? "Null（不含图形）/ Null (no geometry)" : "MultiPatch 或未知 / MultiPatch or unknown";
        throw new InvalidShapefileException(
                "“" + set.name() + "”的图形类型是 " + what + "，无法导入；请导出为点、线或面",
                "\"" + set.name() + "\" has the shape type " + what + ", which cannot be imported: export it as points, "
                        + "lines or polygons");
    }

    private static InvalidShapefileException truncated(String name, String kind, long expected, long actual) {
        return new InvalidShapefileException(
                "文件不完整（被截断）：" + name + " 应有 " + String.format("%,d", expected) + " 字节，实际只有 "
                        + String.format("%,d", actual) + " 字节；请重新导出或重新压缩后上传完整的文件",
                "the " + kind + " is truncated: expected " + String.format("%,d", expected) + " bytes, found "
                        + String.format("%,d", actual) + " (" + name + "); export or zip it again and upload the whole file");
    }

    private static InvalidShapefileException damaged(String name, String whyZh, String whyEn) {
        return new InvalidShapefileException("文件 " + name + " 已损坏：" + whyZh + "；请重新导出 shapefile",
                "the file " + name + " is damaged: " + whyEn + "; export the shapefile again");
    }
}

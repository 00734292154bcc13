package org.changchun.layout.shapefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which charset a shapefile's .dbf text is in, and says why.
 *
 * <p>Order, first that applies wins:
 * <ol>
 * <li>{@link Source#OVERRIDE}: the user's choice; a name this service does not know is refused,
 *     listing what is accepted.</li>
 * <li>{@link Source#CPG}: a readable .cpg ("UTF-8", "utf8", "GBK", "GB2312", "936", "CP936",
 *     "GB18030", "65001", "1252", "ANSI 1252", "88591", "Big5", …). An unknown or empty .cpg is
 *     <b>ignored with a note</b> in the reason, and detection goes on: the text itself is better
 *     evidence than a value nobody can interpret.</li>
 * <li>{@link Source#LANGUAGE_DRIVER}: header byte 29 when it names a code page (0x4D and 0x7A are
 *     code page 936); 0x00 and 0x57 say nothing in practice and are passed over.</li>
 * <li>{@link Source#CONTENT}: every character field's bytes and the field names are checked as
 *     strict UTF-8 and as GB18030. All valid UTF-8 with some multi-byte characters: UTF-8.
 *     Otherwise valid GB18030: GB18030/GBK. A multi-byte character cut off at the end of a full
 *     field is tolerated, since writers truncate text by bytes.</li>
 * <li>{@link Source#DEFAULT}: nothing decides: only ASCII text (UTF-8, which reads ASCII the same
 *     as GBK), or text valid in neither (GB18030/GBK, the likeliest for Chinese data, with a
 *     warning in the reason).</li>
 * </ol>
 * The GB family (GB2312, GBK, 936, GB18030) is always returned as {@code GB18030}, a superset
 * of the others. The .dbf is read in blocks, never whole, and the scan stops at the first text
 * that is not UTF-8.
 */
public final class DbfEncoding {

    /** Where the decision came from; {@code FORMAT} for files whose format fixes it (GeoPackage, GeoJSON: UTF-8). */
    public enum Source { OVERRIDE, CPG, LANGUAGE_DRIVER, CONTENT, DEFAULT, FORMAT }

    /** The charset to read the .dbf with, where the decision came from, and why, in Chinese and English. */
    public record Detection(Charset charset, Source source, String reasonZh, String reasonEn) {
        public Detection {
            Objects.requireNonNull(charset, "charset");
            Objects.requireNonNull(source, "source");
        }
    }

    private static final int MAX_CPG_BYTES = 1024;

    private DbfEncoding() {
    }

    /**
     * Decides the charset of a .dbf.
     *
     * @param dbf the attribute table
     * @param cpg the set's .cpg, if it has one
     * @param override the charset the user asked for, if any (same names as a .cpg)
     * @throws InvalidShapefileException if the override names no known charset, or the .dbf is damaged
     */
    public static Detection detect(Path dbf, Optional<Path> cpg, Optional<String> override) {
        Optional<Detection> asked = overridden(override);
        if (asked.isPresent()) {
            return asked.get();
        }
        String noteZh = "";
        String noteEn = "";
        if (cpg.isPresent()) {
            String value = readCpg(cpg.get());
            Optional<Charset> named = value.isBlank() ? Optional.empty() : CodePages.forName(value);
            if (named.isPresent()) {
                return new Detection(named.get(), Source.CPG,
                        ".cpg 文件写明“" + value + "”，按 " + CodePages.display(named.get()) + " 读取属性",
                        "the .cpg says \"" + value + "\": read as " + CodePages.display(named.get()));
            }
            noteZh = value.isBlank() ? "（.cpg 文件是空的，已忽略）"
                    : "（.cpg 文件写的“" + value + "”不是已知的编码，已忽略；可用的有：" + CodePages.ACCEPTED + "）";
            noteEn = value.isBlank() ? " (the .cpg is empty and was ignored)"
                    : " (the .cpg says \"" + value + "\", which is not an encoding this service knows, so it was ignored;"
                            + " accepted: " + CodePages.ACCEPTED + ")";
        }
        String whatZh = cpg.isPresent() ? "" : "没有 .cpg 文件；";
        String whatEn = cpg.isPresent() ? "" : "no .cpg; ";
        try (DbfFile file = DbfFile.open(dbf)) {
            int driver = file.languageDriver();
            Optional<Charset> byDriver = CodePages.languageDriver(driver);
            if (byDriver.isPresent()) {
                int codePage = CodePages.languageDriverCodePage(driver).orElseThrow();
                String hex = String.format("0x%02X", driver);
                return new Detection(byDriver.get(), Source.LANGUAGE_DRIVER,
                        whatZh + "DBF 文件头的语言驱动标记 " + hex + " 表示代码页 " + codePage + "，按 "
                                + CodePages.display(byDriver.get()) + " 读取属性" + noteZh,
                        whatEn + "the DBF's language driver byte " + hex + " means code page " + codePage + ": read as "
                                + CodePages.display(byDriver.get()) + noteEn);
            }
            String driverZh = String.format("文件头的语言驱动标记（0x%02X）未注明编码；", driver);
            String driverEn = String.format("its language driver byte (0x%02X) names no code page; ", driver);
            return byContent(file, whatZh + driverZh, whatEn + driverEn, noteZh, noteEn);
        }
    }

    /**
     * Decides the charset of a delimited text file (CSV) by the same rules as a .dbf's content:
     * the override; a UTF-8 byte order mark; all lines valid UTF-8 with multi-byte text: UTF-8;
     * else valid GBK: GB18030/GBK; only ASCII: UTF-8. Read line by line, never whole.
     *
     * @throws InvalidShapefileException if the override names no known charset
     */
    public static Detection detectText(Path text, Optional<String> override) {
        Optional<Detection> asked = overridden(override);
        if (asked.isPresent()) {
            return asked.get();
        }
        TextCheck check = new TextCheck();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(text))) {
            byte[] start = in.readNBytes(3);
            if (start.length == 3 && (start[0] & 0xff) == 0xEF && (start[1] & 0xff) == 0xBB && (start[2] & 0xff) == 0xBF) {
                return new Detection(StandardCharsets.UTF_8, Source.CONTENT, "文件以 UTF-8 的字节顺序标记开头，按 UTF-8 读取",
                        "the file starts with a UTF-8 byte order mark: read as UTF-8");
            }
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            line.write(start);
            int lineNumber = 1;
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    byte[] bytes = line.toByteArray();
                    check.add(bytes, 0, bytes.length, false);
                    if (!check.utf8Valid) {
                        return gb(check, "第 " + lineNumber + " 行不是有效的 UTF-8", "line " + lineNumber
                                + " is not valid UTF-8", "", "");
                    }
                    line.reset();
                    lineNumber++;
                    if (b < 0) {
                        break;
                    }
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (check.multiByte) {
            return new Detection(StandardCharsets.UTF_8, Source.CONTENT, "文字都是有效的 UTF-8（含中文等多字节字符），按 UTF-8 读取",
                    "the text is all valid UTF-8 with multi-byte characters: read as UTF-8");
        }
        return new Detection(StandardCharsets.UTF_8, Source.DEFAULT, "只有 ASCII 字符，UTF-8 与 GBK 读出来完全一样，按 UTF-8 读取",
                "the text is only ASCII, which reads the same in UTF-8 and GBK: read as UTF-8");
    }

    /** UTF-8, as the format of the file (GeoPackage, GeoJSON) requires: {@code format} names it. */
    public static Detection byFormat(String format) {
        return new Detection(StandardCharsets.UTF_8, Source.FORMAT, format + " 规定文字为 UTF-8，按 UTF-8 读取",
                format + " text is UTF-8 by definition: read as UTF-8");
    }

    private static Optional<Detection> overridden(Optional<String> override) {
        if (override.isEmpty() || override.get().isBlank()) {
            return Optional.empty();
        }
        String asked = override.get().strip();
        Charset charset = CodePages.forName(asked).orElseThrow(() -> new InvalidShapefileException(
                "不认识指定的编码“" + asked + "”；可用的有：" + CodePages.ACCEPTED,
                "unknown encoding \"" + asked + "\"; accepted: " + CodePages.ACCEPTED));
        return Optional.of(new Detection(charset, Source.OVERRIDE,
                "按导入请求指定的编码 " + CodePages.display(charset) + " 读取属性",
                "read as " + CodePages.display(charset) + ", as the import request says"));
    }

    private static Detection byContent(DbfFile file, String prefixZh, String prefixEn, String noteZh, String noteEn) {
        TextCheck check = new TextCheck();
        List<DbfFile.Field> fields = file.fields();
        for (DbfFile.Field field : fields) {
            byte[] name = field.rawName();
            // writers cut names to 10 bytes, often mid-character (GDAL does)
            check.add(name, 0, name.length, name.length >= 10);
            if (!check.utf8Valid) {
                return gb(check, prefixZh + "DBF 的字段名不是有效的 UTF-8", prefixEn + "the DBF's field names are not valid UTF-8",
                        noteZh, noteEn);
            }
        }
        boolean hasText = fields.stream().anyMatch(f -> f.type() == 'C');
        if (hasText) {
            DbfFile.Records records = file.records();
            while (records.next()) {
                byte[] bytes = records.bytes();
                for (DbfFile.Field field : fields) {
                    if (field.type() != 'C') {
                        continue;
                    }
                    check.add(bytes, records.fieldStart(field), field.length(), true);
                    if (!check.utf8Valid) {
                        String fieldName = new String(field.rawName(), CodePages.GB18030);
                        int record = records.index() + 1;
                        return gb(check,
                                prefixZh + "DBF 中的文字不是有效的 UTF-8（第 " + record + " 条记录的字段“" + fieldName + "”）",
                                prefixEn + "the DBF's text is not valid UTF-8 (record " + record + ", field \"" + fieldName
                                        + "\")",
                                noteZh, noteEn);
                    }
                }
            }
        }
        if (check.multiByte) {
            return new Detection(StandardCharsets.UTF_8, Source.CONTENT,
                    prefixZh + "DBF 中的文字都是有效的 UTF-8（含中文等多字节字符），按 UTF-8 读取属性" + noteZh,
                    prefixEn + "the DBF's text is all valid UTF-8 with multi-byte characters: read as UTF-8" + noteEn);
        }
        return new Detection(StandardCharsets.UTF_8, Source.DEFAULT,
                prefixZh + "DBF 中只有 ASCII 字符，UTF-8 与 GBK 读出来完全一样，按 UTF-8 读取属性" + noteZh,
                prefixEn + "the DBF holds only ASCII text, which reads the same in UTF-8 and GBK: read as UTF-8" + noteEn);
    }

    private static Detection gb(TextCheck check, String whyZh, String whyEn, String noteZh, String noteEn) {
        if (check.gbValid) {
            return new Detection(CodePages.GB18030, Source.CONTENT,
                    whyZh + "，但是有效的 GBK 编码，按 GB18030/GBK 读取属性" + noteZh,
                    whyEn + " but is valid GBK: read as GB18030/GBK" + noteEn);
        }
        return new Detection(CodePages.GB18030, Source.DEFAULT,
                whyZh + "，也不是有效的 GBK；按中文数据最常见的 GB18030/GBK 读取，请检查文字是否正确，必要时指定编码" + noteZh,
                whyEn + ", nor valid GBK: read as GB18030/GBK, the likeliest for Chinese data; check the text and give "
                        + "the encoding if it is wrong" + noteEn);
    }

    private static String readCpg(Path cpg) {
        try (InputStream in = Files.newInputStream(cpg)) {
            byte[] bytes = in.readNBytes(MAX_CPG_BYTES);
            String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
            int newline = text.indexOf('\n');
            return (newline >= 0 ? text.substring(0, newline) : text).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Accumulates whether all text seen so far is strict UTF-8, and whether it is valid GB18030.
     * Its two checks of a byte range also serve other readers of Chinese names (zip entries).
     */
    public static final class TextCheck {

        boolean utf8Valid = true;
        boolean gbValid = true;
        boolean multiByte = false;

        /**
         * Checks bytes {@code [from, from + length)}; trailing spaces and NULs are padding. When
         * {@code field} is true and the text fills the field, a multi-byte character cut off at
         * its end is allowed.
         */
        void add(byte[] bytes, int from, int length, boolean field) {
            int end = from + length;
            while (end > from && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
                end--;
            }
            boolean full = field && end == from + length;
            boolean ascii = true;
            for (int i = from; i < end; i++) {
                if (bytes[i] < 0) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                return;
            }
            multiByte = true;
            if (utf8Valid) {
                utf8Valid = validUtf8(bytes, from, end, full);
            }
            if (gbValid) {
                gbValid = validGb18030(bytes, from, end, full);
            }
        }

        /** Whether {@code b[from, end)} is strict UTF-8; a last character cut off passes if {@code cutAllowed}. */
        public static boolean validUtf8(byte[] b, int from, int end, boolean cutAllowed) {
            int i = from;
            while (i < end) {
                int c = b[i] & 0xff;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                int need;
                int min2 = 0x80;
                int max2 = 0xBF;
                if (c >= 0xC2 && c <= 0xDF) {
                    need = 1;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    need = 2;
                    if (c == 0xE0) {
                        min2 = 0xA0;
                    } else if (c == 0xED) {
                        max2 = 0x9F;
                    }
                } else if (c >= 0xF0 && c <= 0xF4) {
                    need = 3;
                    if (c == 0xF0) {
                        min2 = 0x90;
                    } else if (c == 0xF4) {
                        max2 = 0x8F;
                    }
                } else {
                    return false;
                }
                for (int k = 1; k <= need; k++) {
                    if (i + k >= end) {
                        return cutAllowed;
                    }
                    int next = b[i + k] & 0xff;
                    int lo = k == 1 ? min2 : 0x80;
                    int hi = k == 1 ? max2 : 0xBF;
                    if (next < lo || next > hi) {
                        return false;
                    }
                }
                i += need + 1;
            }
            return true;
        }

        /** Whether {@code b[from, end)} is valid GB18030; a last character cut off passes if {@code cutAllowed}. */
        public static boolean validGb18030(byte[] b, int from, int end, boolean cutAllowed) {
            int i = from;
            while (i < end) {
                int c = b[i] & 0xff;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                if (c == 0x80 || c == 0xFF) {
                    return false;
                }
                if (i + 1 >= end) {
                    return cutAllowed;
                }
                int second = b[i + 1] & 0xff;
                if ((second >= 0x40 && second <= 0x7E) || (second >= 0x80 && second <= 0xFE)) {
                    i += 2;
                } else if (second >= 0x30 && second <= 0x39) {
                    if (i + 3 >= end) {
                        return cutAllowed;
                    }
                    int third = b[i + 2] & 0xff;
                    int fourth = b[i + 3] & 0xff;
                    if (third < 0x81 || third > 0xFE || fourth < 0x30 || fourth > 0x39) {
                        return false;
                    }
                    i += 4;
                } else {
                    return false;
                }
            }
            return true;
        }
    }
}

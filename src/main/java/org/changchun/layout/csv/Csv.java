package org.changchun.layout.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.changchun.layout.http.MediaTypes;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark, so that spreadsheet programs on Chinese Windows
 * open the Chinese text correctly instead of guessing GBK.
 */
public final class Csv {

    /** The byte-order mark that tells spreadsheet programs the file is UTF-8. */
    public static final char BOM = '\uFEFF';

    private Csv() {
    }

    /** A small table as a CSV download. */
    public static ResponseEntity<byte[]> response(String fileName, List<String> header, List<List<Object>> rows) {
        StringBuilder text = new StringBuilder().append(BOM);
        try {
            line(text, header);
            for (List<Object> row : rows) {
                line(text, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return ResponseEntity.ok()
                .contentType(MediaTypes.CSV_UTF8)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A number as a spreadsheet reads it at a glance: without an exponent (59997275.3, not 5.99972753E7). */
    public static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** One record, quoted where RFC 4180 requires, ended by CRLF. */
    public static void line(Appendable text, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            Object value = values.get(i);
            String cell = value == null ? "" : value.toString();
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                cell = '"' + cell.replace("\"", "\"\"") + '"';
            }
            text.append(cell);
        }
        text.append("\r\n");
    }
}

package org.changchun.layout.coverage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark, so that spreadsheet programs on Chinese Windows
 * open the Chinese text correctly instead of guessing GBK.
 */
final class Csv {

    private static final String BOM = "\uFEFF";

    private Csv() {
    }

    static ResponseEntity<byte[]> response(String fileName, List<String> header, List<List<Object>> rows) {
        StringBuilder text = new StringBuilder(BOM);
        line(text, header);
        rows.forEach(row -> line(text, row));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder text, List<?> values) {
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

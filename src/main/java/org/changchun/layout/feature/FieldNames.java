package org.changchun.layout.feature;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** Field names as a layer can hold them, from whatever a file calls its columns. */
public final class FieldNames {

    private FieldNames() {
    }

    /**
     * The name, trimmed of control characters; a blank one becomes field_N; one longer than
     * {@link FieldSpec#MAX_NAME_BYTES} is cut (room left for a suffix); a repeat (ignoring case)
     * gets _2, _3, ….
     *
     * @param position the column's place in the file, from 0
     * @param taken    the lower-cased names given so far; the new one is added
     */
    public static String unique(String decoded, int position, Set<String> taken) {
        StringBuilder clean = new StringBuilder();
        decoded.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
        String base = clean.toString().replace("\uFFFD", "").strip();
        if (base.isEmpty()) {
            base = "field_" + (position + 1);
        }
        base = cutUtf8(base, FieldSpec.MAX_NAME_BYTES - 4);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private static String cutUtf8(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}

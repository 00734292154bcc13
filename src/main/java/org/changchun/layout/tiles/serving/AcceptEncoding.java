package org.changchun.layout.tiles.serving;

import java.util.Locale;

/**
 * Whether a request's {@code Accept-Encoding} lets a tile be sent gzip-compressed, as RFC 9110
 * (12.5.3) has it: a list of codings, each with an optional weight, {@code q=0} meaning "not
 * this one"; {@code *} stands for every coding not named; {@code x-gzip} is gzip. Browsers,
 * QGIS and MapLibre ask for gzip; a client that sends no such header (GDAL's {@code /vsicurl/},
 * wrk) gets the tile as encoded.
 */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /** @param values every {@code Accept-Encoding} header of the request, in order (none: empty) */
    static boolean allowsGzip(Iterable<String> values) {
        Boolean gzip = null;
        Boolean anyOther = null;
        for (String value : values) {
            for (String element : value.split(",")) {
                String[] parts = element.split(";");
                String coding = parts[0].trim().toLowerCase(Locale.ROOT);
                boolean wanted = weight(parts) > 0;
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    gzip = wanted;
                } else if (coding.equals("*")) {
                    anyOther = wanted;
                }
            }
        }
        return gzip != null ? gzip : Boolean.TRUE.equals(anyOther);
    }

    /** The element's {@code q} weight, 1 when it has none; an unreadable weight counts as 0, refusing the coding. */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}

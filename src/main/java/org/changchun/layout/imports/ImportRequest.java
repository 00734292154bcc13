package org.changchun.layout.imports;

import java.util.Locale;
import java.util.Optional;

/**
 * What the user asked of an import, besides the file.
 *
 * @param layer    the target layer id; empty to derive it from the shapefile's name
 * @param encoding overrides the detected text encoding
 * @param srid     the EPSG code of the coordinates, for a missing or unknown .prj
 * @param member   which shapefile of a zip holding several; empty for all
 */
public record ImportRequest(
        Optional<String> layer,
        Optional<String> titleZh,
        Optional<String> titleEn,
        Optional<String> encoding,
        Optional<Integer> srid,
        Optional<String> member,
        EmptyGeometries emptyGeometries,
        boolean dryRun) {

    /** What to do with features that have no geometry. */
    public enum EmptyGeometries {
        /** Leave them out and count them in the report. */
        SKIP,
        /** Refuse the whole import. */
        REFUSE;

        public static EmptyGeometries of(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ImportRejectedException("empty_geometries 应为 skip 或 refuse：" + text,
                        "empty_geometries must be skip or refuse, not '" + text + "'");
            }
        }
    }
}

package org.changchun.layout.coverage;

import java.util.Arrays;
import java.util.Locale;
import org.changchun.layout.query.InvalidQueryException;

/** How features must relate to the area to count. */
enum CoverageMode {
    /** Entirely inside the area. */
    WITHIN,
    /** Sharing any part with the area. */
    INTERSECTS,
    /** Within a distance of the area (on the ground, in metres). */
    NEAR;

    static CoverageMode of(String text) {
        return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new InvalidQueryException("mode 应为 within、intersects 或 near：" + text,
                        "mode must be within, intersects or near, not '" + text + "'"));
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.changchun.layout.history;

import java.util.Locale;

/** How a feature differs between two versions. */
public enum ChangeKind {
    /** Only in the later version. */
    ADDED,
    /** Only in the earlier version. */
    REMOVED,
    /** In both, with other attributes or another geometry. */
    CHANGED;

    /** As answers name it: "added", "removed", "changed". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

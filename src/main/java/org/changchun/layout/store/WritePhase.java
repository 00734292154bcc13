package org.changchun.layout.store;

/**
 * The steps of a layer write, in order. Only the first is measured in features; the others can
 * take as long (the indexes of a million points: about as long as writing them), so a job names
 * the step it is in rather than sit at 99 %.
 */
public enum WritePhase {
    /** Features streamed into the new version's table, with their links to the plan staged. */
    WRITING("写入要素", "writing features"),
    /**
     * Features that did not come in spatial order, read and set aside in that order, stored in it once
     * the last is read (PostGIS); a write of features that came in order goes on to indexing.
     */
    STORING_IN_ORDER("按空间顺序存入", "storing in spatial order"),
    /** The new version's id and spatial indexes, and those of its staged links, built. */
    INDEXING("建立索引", "building indexes"),
    /** The new version made current and its links adopted or recomputed, in one transaction. */
    PUBLISHING("发布新版本", "publishing the new version");

    private final String labelZh;
    private final String labelEn;

    WritePhase(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}

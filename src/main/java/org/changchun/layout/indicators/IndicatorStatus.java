package org.changchun.layout.indicators;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an indicator stands (see {@link StatusRule} for when each applies). */
public enum IndicatorStatus {
    MET("已达成", "met"),
    ON_TRACK("正常", "on track"),
    AT_RISK("预警", "at risk"),
    LAGGING("滞后", "lagging"),
    NO_DATA("无数据", "no data");

    private final String nameZh;
    private final String nameEn;

    IndicatorStatus(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The code in API answers and the status= filter: "met", "on_track", "at_risk", "lagging", "no_data". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public static Optional<IndicatorStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}

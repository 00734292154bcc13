package org.changchun.layout.catalog;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;

/**
 * When an imported layer's current version was imported and by which account: what tells two
 * imports of alike files apart besides their names.
 *
 * @param by the account, null when the import had none
 */
public record ImportProvenance(OffsetDateTime at, String by) {

    /** China Standard Time, the time the plan's users read. */
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The provenance of an imported layer; empty for the plan's own layers. */
    public static Optional<ImportProvenance> of(LayerInfo layer) {
        return layer.kind() == LayerKind.IMPORTED && layer.writtenAt() != null
                ? Optional.of(new ImportProvenance(layer.writtenAt(), layer.writtenBy()))
                : Optional.empty();
    }

    /** "导入时间 2025-06-01 14:03（北京时间），导入账号 admin". */
    public String textZh() {
        return "导入时间 " + time() + "（北京时间）" + (by == null ? "" : "，导入账号 " + by);
    }

    /** "imported on 2025-06-01 14:03 (UTC+8) by admin". */
    public String textEn() {
        return "imported on " + time() + " (UTC+8)" + (by == null ? "" : " by " + by);
    }

    private String time() {
        return at.atZoneSameInstant(CHINA).format(MINUTES);
    }
}

package org.changchun.layout.history;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * A layer's timeline: every version written to it (imports, the plan data), every restore and
 * every feature edit, with who and when, newest first. Versions come from the catalog (they are
 * kept listed after retention drops them, and so is that); restores and edits come from the audit
 * trail, which records every write with its account. Single-feature edits change the current
 * version in place, so each edit names the version that was current when it was made.
 */
@Service
class Timeline {

    /** The layer's paths the audit trail records, after the layer id. */
    private static final Pattern RESTORE = Pattern.compile("^/api/layers/[^/]+/versions/(\\d+)/restore$");
    private static final Pattern ITEMS = Pattern.compile("^/ogc/collections/[^/]+/items(?:/([^/]+))?$");
    private static final Pattern CREATED = Pattern.compile("^created .*/items/([^/?]+)$");

    /** Entries of one layer, oldest first, so each edit can be given the version current then. */
    private record Event(TimelineEntry entry, boolean makesCurrent) {
    }

    private final LayerHistory history;

    Timeline(LayerHistory history) {
        this.history = history;
    }

    /** @param limit the most audited writes to list (versions are all listed) */
    List<TimelineEntry> of(String layerId, int limit) {
        List<Event> events = new ArrayList<>();
        for (VersionRecord version : history.versions(layerId)) {
            events.add(new Event(written(version), true));
            if (version.discardedAt() != null) {
                events.add(new Event(new TimelineEntry(version.discardedAt(), "discarded", null, version.version(),
                        null, "按保留设置删除版本 " + version.version(),
                        "version " + version.version() + " dropped by the retention settings"), false));
            }
        }
        for (LayerWrite write : history.writes(layerId, limit)) {
            events.add(write(write));
        }
        events.sort(Comparator.comparing((Event e) -> e.entry().at()));
        List<TimelineEntry> entries = new ArrayList<>();
        Long current = null;
        for (Event event : events) {
            TimelineEntry entry = event.entry();
            if (event.makesCurrent()) {
                current = entry.version();
            } else if (entry.event().startsWith("feature-")) {
                entry = new TimelineEntry(entry.at(), entry.event(), entry.by(), current, entry.feature(),
                        entry.whatZh(), entry.whatEn());
            }
            entries.add(entry);
        }
        Collections.reverse(entries);
        return entries;
    }

    private static TimelineEntry written(VersionRecord version) {
        String by = version.createdBy();
        return new TimelineEntry(version.createdAt(), "written", by, version.version(), null,
                "写入版本 " + version.version() + "（" + version.featureCount() + " 个要素）"
                        + (by == null ? "，服务载入规划数据" : "，" + by + " 导入"),
                "version " + version.version() + " written (" + version.featureCount() + " features)"
                        + (by == null ? ", the plan data loaded by the service" : ", imported by " + by));
    }

    private static Event write(LayerWrite write) {
        String path = write.path().contains("?") ? write.path().substring(0, write.path().indexOf('?')) : write.path();
        Matcher restore = RESTORE.matcher(path);
        if (restore.matches()) {
            long version = Long.parseLong(restore.group(1));
            return new Event(new TimelineEntry(write.at(), "restored", write.actor(), version, null,
                    "恢复版本 " + version, "version " + version + " restored"), true);
        }
        Matcher items = ITEMS.matcher(path);
        if (items.matches()) {
            String feature = items.group(1) != null ? UriUtils.decode(items.group(1), StandardCharsets.UTF_8)
                    : created(write.detail());
            String[] what = switch (write.method()) {
                case "POST" -> new String[] {"feature-created", "新增要素", "created"};
                case "PUT" -> new String[] {"feature-replaced", "替换要素", "replaced"};
                case "PATCH" -> new String[] {"feature-updated", "修改要素", "updated"};
                case "DELETE" -> new String[] {"feature-deleted", "删除要素", "deleted"};
                default -> new String[] {"other", write.method(), write.method()};
            };
            String named = feature == null ? "" : " " + feature;
            return new Event(new TimelineEntry(write.at(), what[0], write.actor(), null, feature, what[1] + named,
                    "feature" + named + " " + what[2]), false);
        }
        return new Event(new TimelineEntry(write.at(), "other", write.actor(), null, null,
                write.method() + " " + write.path(), write.method() + " " + write.path()), false);
    }

    /** The id of a created feature, from the address the audit trail noted; null if it noted none. */
    private static String created(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher matcher = CREATED.matcher(detail);
        return matcher.matches() ? UriUtils.decode(matcher.group(1), StandardCharsets.UTF_8) : null;
    }
}

package org.changchun.layout.workfolders;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "workFolders": whether the imports' and the exports' work
 * folders can be written and have room, each with its path, its free space and, when it cannot be
 * used, why. DOWN while either cannot: uploads (or exports) are refused then, though reading goes
 * on, so it is not part of the readiness group that load balancers probe.
 */
@Component
class WorkFoldersHealthIndicator extends AbstractHealthIndicator {

    private final WorkFolders folders;

    WorkFoldersHealthIndicator(WorkFolders folders) {
        super("工作目录检查失败 / work folder check failed");
        this.folders = folders;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        WorkFolder.Condition imports = folders.imports().check();
        WorkFolder.Condition exports = folders.exports().check();
        if (imports.usable() && exports.usable()) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("imports", details(folders.imports(), imports))
                .withDetail("exports", details(folders.exports(), exports));
    }

    private static Map<String, Object> details(WorkFolder folder, WorkFolder.Condition condition) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("path", folder.path().toString());
        details.put("status", condition.usable() ? "UP" : "DOWN");
        if (condition.usableBytes() >= 0) {
            details.put("freeBytes", condition.usableBytes());
        }
        if (!condition.usable()) {
            details.put("error", condition.reasonZh() + " / " + condition.reasonEn());
        }
        return details;
    }
}

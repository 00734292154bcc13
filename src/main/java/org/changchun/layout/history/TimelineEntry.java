package org.changchun.layout.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One event in a layer's history.
 *
 * @param event   {@code written} (a version: an import, or the plan data loaded), {@code restored},
 *                {@code discarded} (retention dropped a version), {@code feature-created},
 *                {@code feature-replaced}, {@code feature-updated}, {@code feature-deleted}, or
 *                {@code other} (another write the audit trail attributes to the layer)
 * @param by      the account; absent for what the service did itself (loading the plan data, retention)
 * @param version the version written, restored or discarded; for an edit, the version it changed
 *                in place (the current one then)
 * @param feature the feature an edit changed
 * @param whatZh  what happened, in Chinese
 * @param whatEn  what happened, in English
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(OffsetDateTime at, String event, String by, Long version, String feature, String whatZh,
                            String whatEn) {
}

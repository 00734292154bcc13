package org.changchun.layout.imports;

import java.time.OffsetDateTime;

import org.changchun.layout.store.WritePhase;
/**
 * The stored state of an import job.
 *
 * @param state          RUNNING, SUCCEEDED or FAILED
 * @param phase          the step of the write the job has reached, a {@link WritePhase} name; null
 *                       before its first layer write begins
 * @param featuresTotal  how many features the job will write, when known
 * @param report         the job's report as JSON text, once there is one
 */
public record JobRecord(
        String id,
        String layerId,
        String state,
        String phase,
        String fileName,
        String submittedBy,
        Long featuresTotal,
        long featuresDone,
        Double featuresPerSecond,
        String report,
        String errorZh,
        String errorEn,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}

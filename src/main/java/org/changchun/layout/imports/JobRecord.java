package org.changchun.layout.imports;

import java.time.OffsetDateTime;

import org.changchun.layout.store.WritePhase;
/**
 * The stored state of an import job.
 *
 * @param state          QUEUED (waiting for its process's import worker), RUNNING, SUCCEEDED or
 *                       FAILED
 * @param phase          the step of the write the job has reached, a {@link WritePhase} name; null
 *                       before its first layer write begins
 * @param queuedBehind   while QUEUED, the job submitted just before it on the same process, which
 *                       runs or waits ahead of it; null otherwise
 * @param featuresTotal  how many features the job will write, when known
 * @param report         the job's report as JSON text, once there is one
 */
public record JobRecord(
        String id,
        String layerId,
        String state,
        String phase,
        String queuedBehind,
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

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    /** The same job as it ended, for a caller that cannot read it back from the store. */
    JobRecord ended(String endState, String endReport, String endErrorZh, String endErrorEn) {
        return new JobRecord(id, layerId, endState, phase, null, fileName, submittedBy, featuresTotal, featuresDone,
                featuresPerSecond, endReport, endErrorZh, endErrorEn, createdAt, updatedAt);
    }
}

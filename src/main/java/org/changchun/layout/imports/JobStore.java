package org.changchun.layout.imports;

import java.util.List;
import java.util.Optional;

import org.changchun.layout.store.WritePhase;
/** Where import jobs keep their state, so every replica and every page reload sees the same. */
public interface JobStore {

    void create(JobRecord job);

    void progress(String id, long featuresDone, double featuresPerSecond);

    /** Records the step of the write the job has begun. */
    void phase(String id, WritePhase phase);

    /** Ends a job: SUCCEEDED with its report, or FAILED with the error (and the report so far). */
    void finish(String id, String state, String report, String errorZh, String errorEn);

    Optional<JobRecord> find(String id);

    /** The newest jobs first. */
    List<JobRecord> recent(int limit);

    /**
     * Marks as FAILED every job still RUNNING that has not reported progress since {@code before}:
     * its process stopped (jobs of live replicas report progress continually).
     *
     * @return how many jobs were marked
     */
    int failStale(java.time.OffsetDateTime before, String reasonZh, String reasonEn);
}

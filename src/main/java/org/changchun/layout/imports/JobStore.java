package org.changchun.layout.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.changchun.layout.store.WritePhase;
/** Where import jobs keep their state, so every replica and every page reload sees the same. */
public interface JobStore {

    void create(JobRecord job);

    /** A QUEUED job's turn has come: it is RUNNING. */
    void begin(String id);

    /** Tells other replicas that the job's process is alive, through the long silent steps too. */
    void alive(String id);

    void progress(String id, long featuresDone, double featuresPerSecond);

    /** Records the step of the write the job has begun. */
    void phase(String id, WritePhase phase);

    /** Ends a job: SUCCEEDED with its report, or FAILED with the error (and the report so far). */
    void finish(String id, String state, String report, String errorZh, String errorEn);

    Optional<JobRecord> find(String id);

    /** The newest jobs first. */
    List<JobRecord> recent(int limit);

    /**
     * Marks as FAILED every job still QUEUED or RUNNING that has not been heard of since
     * {@code before}: its process stopped (the processes of live jobs report continually).
     *
     * @return how many jobs were marked
     */
    int failStale(OffsetDateTime before, String reasonZh, String reasonEn);
}

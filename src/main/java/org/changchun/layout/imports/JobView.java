package org.changchun.layout.imports;

import java.time.OffsetDateTime;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An import job as the API shows it.
 *
 * @param phase   the step of the write while the job runs (WRITING, STORING_IN_ORDER, INDEXING,
 *                PUBLISHING), and where it stopped if it failed; absent once it succeeded
 * @param percent 0..100, from the features written so far against the shapefiles' record counts:
 *                it stays below 100 until the job has succeeded, through the steps after writing
 * @param queue   while the job is QUEUED: its place and the job it waits for
 * @param report  the report once the job has ended
 */
record JobView(
        String id,
        String href,
        String state,
        String phase,
        String layer,
        String fileName,
        Long featuresTotal,
        long featuresDone,
        int percent,
        Double featuresPerSecond,
        Queue queue,
        JsonNode report,
        Error error,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    record Error(String messageZh, String messageEn) {
    }

    /**
     * @param place          1 for the next job to run on its process
     * @param waitingFor     the id of the job it waits for, running ahead of it
     * @param waitingForHref that job, to poll
     */
    record Queue(int place, String waitingFor, String waitingForHref) {
    }

    static JobView of(JobRecord job, Optional<ImportJobs.QueuePlace> queued, JsonMapper json) {
        int percent = "SUCCEEDED".equals(job.state()) ? 100
                : job.featuresTotal() == null || job.featuresTotal() == 0 ? 0
                : (int) Math.min(99, job.featuresDone() * 100 / job.featuresTotal());
        String phase = "SUCCEEDED".equals(job.state()) ? null : job.phase();
        return new JobView(job.id(), "/api/imports/" + job.id(), job.state(), phase, job.layerId(), job.fileName(),
                job.featuresTotal(), job.featuresDone(), percent,
                job.featuresPerSecond() == null ? null : Math.round(job.featuresPerSecond() * 10) / 10d,
                queued.map(q -> new Queue(q.place(), q.waitingFor(), "/api/imports/" + q.waitingFor())).orElse(null),
                job.report() == null ? null : json.readTree(job.report()),
                job.errorZh() == null ? null : new Error(job.errorZh(), job.errorEn()),
                job.createdAt(), job.updatedAt());
    }
}

package org.changchun.layout.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.store.DatabaseFailures;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.RehearsedWrite;
import org.changchun.layout.store.WritePhase;
import org.changchun.layout.store.WriteProgress;
import org.changchun.layout.workfolders.WorkFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs imports (shapefile, GeoPackage, GeoJSON, CSV): the same pipeline for the HTTP API, the map
 * page and the command line. An upload is unpacked and checked first, so bad input is refused
 * before anything is written; then each layer is written as a new version of its layer in one store write, which readers
 * see only once it is complete. Jobs keep their progress in the store, so any replica and any
 * page reload can follow them.
 */
@Service
public class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final long PROGRESS_EVERY_MILLIS = 1_000;

    private final ImportPlanner planner;
    private final FeatureStore store;
    private final JobStore jobs;
    private final ImportProperties properties;
    private final JsonMapper json;
    private final ImportWorkFolders workFolders;
    /** This process's unfinished jobs, queued or running, kept alive in the store by {@link #heartbeat()}. */
    private final Set<String> unfinished = ConcurrentHashMap.newKeySet();
    /** The jobs handed to {@link #worker}, in its order: the first runs, the others wait behind it. */
    private final Deque<String> workerQueue = new ArrayDeque<>();
    /**
     * How jobs ended while the database was unreachable, so that their end could not be stored:
     * stored as soon as it is back, and shown meanwhile, so that no such job looks RUNNING and is
     * later taken for one whose process stopped.
     */
    private final Map<String, Outcome> unrecorded = new ConcurrentHashMap<>();
    /** One import at a time per process: each is disk- and database-bound. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shapefile-import");
        thread.setDaemon(true);
        return thread;
    });

    private final Counter importedFeatures;
    private final Timer importTime;

    ImportJobs(ImportPlanner planner, FeatureStore store, JobStore jobs, ImportProperties properties, JsonMapper json,
               MeterRegistry meters, WorkFolders folders) {
        this.importedFeatures = Counter.builder("plan.imports.features").description("features written by imports")
                .register(meters);
        this.importTime = Timer.builder("plan.imports.duration").description("time of finished imports")
                .register(meters);
        this.planner = planner;
        this.store = store;
        this.jobs = jobs;
        this.properties = properties;
        this.json = json;
        this.workFolders = new ImportWorkFolders(folders.imports(), properties.staleAfter());
        cleanUpAfterStoppedProcesses();
    }

    /** How a job ended, kept until the store has it. */
    private record Outcome(String state, String report, String errorZh, String errorEn) {
    }

    /**
     * A QUEUED job's place in its process's queue and the job it waits for.
     *
     * @param place      1 for the next job to run
     * @param waitingFor the job running ahead of it (or the last one known ahead)
     */
    public record QueuePlace(int place, String waitingFor) {
    }

    /**
     * Tells the store that this process's jobs are alive, also through the long silent phases of
     * a write (indexing, linking), so other replicas do not take them for dead.
     */
    @Scheduled(fixedDelayString = "${plan.imports.heartbeat:5s}")
    void heartbeat() {
        // the folders first: they need no database, and must not look abandoned during its outage
        workFolders.touchInUse();
        recordOutcomes();
        for (String id : unfinished) {
            jobs.alive(id);
        }
    }

    /**
     * Jobs whose process stopped (killed, crashed) show as failed once their heartbeat is stale,
     * and the upload folders nobody uses any more are removed, at start-up and periodically.
     */
    @Scheduled(fixedDelayString = "${plan.imports.stale-check:30s}")
    void cleanUpAfterStoppedProcesses() {
        workFolders.sweep();
        recordOutcomes();
        int stale = jobs.failStale(OffsetDateTime.now(ZoneOffset.UTC).minus(properties.staleAfter()),
                "服务在导入完成前停止（进程被终止或崩溃），未写入任何内容；请重新导入",
                "the service stopped before the import finished (its process was killed or crashed); nothing was "
                        + "written, please import again");
        if (stale > 0) {
            log.warn("Marked {} interrupted import job(s) as failed", stale);
        }
    }

    /** Checks and reads the whole upload and reports what an import would do; writes nothing. */
    public ImportReport dryRun(Upload upload, String fileName, ImportRequest request) {
        return readEach(upload, fileName, request, (plan, features) -> features.drain());
    }

    /**
     * Does all an import of the upload does in memory, each layer's write {@linkplain FeatureStore#rehearseWrite
     * rehearsed}: nothing is stored and no job is recorded.
     *
     * @return what the layers' writes went through, added up
     */
    public RehearsedWrite rehearse(Upload upload, String fileName, ImportRequest request) {
        List<RehearsedWrite> writes = new ArrayList<>();
        readEach(upload, fileName, request,
                (plan, features) -> writes.add(store.rehearseWrite(spec(plan, fileName, "rehearsal", "rehearsal"), features)));
        return new RehearsedWrite(writes.stream().mapToLong(RehearsedWrite::features).sum(),
                writes.stream().mapToLong(RehearsedWrite::links).sum());
    }

    /** Whether an import is queued or running in this process. */
    public boolean busy() {
        synchronized (workerQueue) {
            return !workerQueue.isEmpty();
        }
    }

    private ImportReport readEach(Upload upload, String fileName, ImportRequest request,
                                  BiConsumer<PlannedLayer, ImportedFeatures> reader) {
        Path work = workFolders.open(UUID.randomUUID().toString());
        try {
            Unpacked unpacked = unpack(upload, work, fileName);
            List<ImportReport.ShapefileReport> reports = new ArrayList<>();
            for (PlannedLayer plan : planner.plan(unpacked.files(), fileName, request)) {
                try (ImportedFeatures features = features(plan, request)) {
                    reader.accept(plan, features);
                    reports.add(features.report());
                }
            }
            return new ImportReport(fileName, reports);
        } finally {
            workFolders.close(work);
        }
    }

    /**
     * Checks the upload now (refusing bad input with a 4xx before anything is written) and
     * imports it in the background.
     *
     * @return the job, RUNNING, or QUEUED behind the job submitted before it while that one is unfinished
     */
    public JobRecord submit(Upload upload, String fileName, ImportRequest request, String user) {
        String id = UUID.randomUUID().toString();
        Path work = workFolders.open(id);
        try {
            Unpacked unpacked = unpack(upload, work, fileName);
            List<PlannedLayer> plans = planner.plan(unpacked.files(), fileName, request);
            JobRecord job;
            synchronized (workerQueue) {
                String ahead = workerQueue.peekLast();
                job = start(id, plans, fileName, user, ahead);
                workerQueue.add(id);
            }
            worker.submit(() -> run(job, plans, unpacked.checksum(), request, fileName, work, WriteProgress.NONE));
            return job;
        } catch (RuntimeException e) {
            unfinished.remove(id);
            leaveQueue(id);
            workFolders.close(work);
            throw e;
        }
    }

    /** The same import, run on the caller's thread (the command line), telling it the progress. */
    public JobRecord runHere(Upload upload, String fileName, ImportRequest request, String user,
                             WriteProgress progress) {
        String id = UUID.randomUUID().toString();
        Path work = workFolders.open(id);
        Unpacked unpacked;
        List<PlannedLayer> plans;
        try {
            unpacked = unpack(upload, work, fileName);
            plans = planner.plan(unpacked.files(), fileName, request);
        } catch (RuntimeException e) {
            workFolders.close(work);
            throw e;
        }
        JobRecord job = start(id, plans, fileName, user, null);
        run(job, plans, unpacked.checksum(), request, fileName, work, progress);
        return find(id).orElseThrow();
    }

    public Optional<JobRecord> find(String id) {
        return jobs.find(id).map(this::withOutcome);
    }

    public List<JobRecord> recent(int limit) {
        return jobs.recent(limit).stream().map(this::withOutcome).toList();
    }

    /**
     * Where a QUEUED job stands: the jobs ahead of it are followed from the one it was queued
     * behind until one that is not waiting, the one it waits for. Empty unless the job is QUEUED.
     */
    public Optional<QueuePlace> queuePlace(JobRecord job) {
        if (!JobRecord.QUEUED.equals(job.state()) || job.queuedBehind() == null) {
            return Optional.empty();
        }
        int place = 1;
        String ahead = job.queuedBehind();
        // a queue is as long as the uploads one process was sent while busy; the bound only guards against a cycle
        for (int step = 0; step < 1_000; step++) {
            Optional<JobRecord> next = find(ahead);
            if (next.isEmpty() || !JobRecord.QUEUED.equals(next.get().state()) || next.get().queuedBehind() == null) {
                break;
            }
            place++;
            ahead = next.get().queuedBehind();
        }
        return Optional.of(new QueuePlace(place, ahead));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** @param ahead the job this one waits behind, or null when it runs at once */
    private JobRecord start(String id, List<PlannedLayer> plans, String fileName, String user, String ahead) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long total = plans.stream().mapToLong(PlannedLayer::recordCount).sum();
        String layers = String.join(",", plans.stream().map(PlannedLayer::layerId).toList());
        JobRecord job = new JobRecord(id, layers.length() > 64 ? layers.substring(0, 64) : layers,
                ahead == null ? JobRecord.RUNNING : JobRecord.QUEUED, null, ahead, fileName, user, total, 0, null, null,
                null, null, now, now);
        jobs.create(job);
        unfinished.add(id);
        return job;
    }

    private void leaveQueue(String id) {
        synchronized (workerQueue) {
            workerQueue.remove(id);
        }
    }

    private void run(JobRecord job, List<PlannedLayer> plans, String checksum, ImportRequest request, String fileName,
                     Path work, WriteProgress progress) {
        List<ImportReport.ShapefileReport> reports = new ArrayList<>();
        long started = System.nanoTime();
        JobProgress told = new JobProgress(job.id(), started, progress);
        try {
            if (JobRecord.QUEUED.equals(job.state())) {
                jobs.begin(job.id());
            }
            for (PlannedLayer plan : plans) {
                try (ImportedFeatures features = features(plan, request)) {
                    store.writeLayer(spec(plan, fileName, checksum, job.submittedBy()), features, told);
                    told.layerDone(plan.recordCount());
                    reports.add(features.report());
                }
            }
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            long written = reports.stream().mapToLong(r -> r.counts().written()).sum();
            importedFeatures.increment(written);
            importTime.record(java.time.Duration.ofNanos(System.nanoTime() - started));
            double rate = written / seconds;
            jobs.progress(job.id(), told.recordsDone(), rate);
            end(job.id(), new Outcome(JobRecord.SUCCEEDED, report(fileName, reports), null, null));
            // the rate the job states, so the log and the page agree
            log.info("Import {} of {} finished: {} features in {} s, {} features/s", job.id(), fileName, written,
                    String.format("%.1f", seconds), String.format("%.0f", rate));
        } catch (RuntimeException e) {
            JobFailures.Reason reason = JobFailures.of(e);
            if (reason.expected()) {
                log.warn("Import {} of {} failed: {}", job.id(), fileName, reason.messageEn());
            } else {
                log.error("Import {} of {} failed", job.id(), fileName, e);
            }
            fail(job, fileName, reports, reason);
        } finally {
            unfinished.remove(job.id());
            leaveQueue(job.id());
            workFolders.close(work);
        }
    }

    private void fail(JobRecord job, String fileName, List<ImportReport.ShapefileReport> reports,
                      JobFailures.Reason reason) {
        String done = reports.isEmpty() ? "" : "（此前已导入：" + reports.stream().map(ImportReport.ShapefileReport::layer)
                .toList() + "）";
        String doneEn = reports.isEmpty() ? "" : " (layers imported before this one stay: "
                + reports.stream().map(ImportReport.ShapefileReport::layer).toList() + ")";
        end(job.id(), new Outcome(JobRecord.FAILED, report(fileName, reports), reason.messageZh() + done,
                reason.messageEn() + doneEn));
    }

    /** Stores how the job ended, or keeps it until the database is back when that is why it cannot. */
    private void end(String id, Outcome outcome) {
        try {
            jobs.finish(id, outcome.state(), outcome.report(), outcome.errorZh(), outcome.errorEn());
        } catch (RuntimeException e) {
            if (!DatabaseFailures.unavailable(e)) {
                throw e;
            }
            unrecorded.put(id, outcome);
            log.warn("Import {} ended {}, which is stored once the database is back: {}", id, outcome.state(),
                    e.getMessage());
        }
    }

    /** Stores the ends kept while the database was away; fails (skipping the periodic task's turn) while it still is. */
    private void recordOutcomes() {
        for (Map.Entry<String, Outcome> kept : unrecorded.entrySet()) {
            Outcome outcome = kept.getValue();
            jobs.finish(kept.getKey(), outcome.state(), outcome.report(), outcome.errorZh(), outcome.errorEn());
            unrecorded.remove(kept.getKey(), outcome);
        }
    }

    private JobRecord withOutcome(JobRecord job) {
        Outcome outcome = unrecorded.get(job.id());
        return outcome == null ? job : job.ended(outcome.state(), outcome.report(), outcome.errorZh(), outcome.errorEn());
    }

    private ImportedFeatures features(PlannedLayer plan, ImportRequest request) {
        return new ImportedFeatures(plan, request.emptyGeometries(), properties.samples(), properties.listedProblems());
    }

    private static LayerSpec spec(PlannedLayer plan, String fileName, String checksum, String user) {
        String source = fileName + " / " + plan.source().name() + " (" + plan.source().format() + ", "
                + plan.encoding().charset().name() + ", EPSG:"
                + plan.crs().epsg() + ")";
        return new LayerSpec(new LayerDescription(plan.layerId(), LayerKind.IMPORTED, plan.titleZh(), plan.titleEn(),
                "由 " + fileName + " 导入", "imported from " + fileName, source, "as delivered", null),
                plan.fields(), checksum, user);
    }

    private String report(String fileName, List<ImportReport.ShapefileReport> reports) {
        return json.writeValueAsString(new ImportReport(fileName, reports));
    }

    /**
     * Passes a layer write's progress to the job in the store (features at most once a second,
     * each step as it begins) and to the caller. The count goes with each step, so a job past
     * its last feature does not show the count of a second before.
     */
    private final class JobProgress implements WriteProgress {

        private final String jobId;
        private final long started;
        private final WriteProgress caller;
        /** Records of the import's earlier shapefiles, written or skipped: their share of the total. */
        private long recordsBefore;
        private long done;
        private long lastReport;

        JobProgress(String jobId, long started, WriteProgress caller) {
            this.jobId = jobId;
            this.started = started;
            this.caller = caller;
        }

        @Override
        public void written(long featuresWritten) {
            done = recordsBefore + featuresWritten;
            caller.written(done);
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_EVERY_MILLIS * 1_000_000) {
                lastReport = now;
                report(now);
            }
        }

        @Override
        public void phase(WritePhase phase) {
            report(System.nanoTime());
            jobs.phase(jobId, phase);
            caller.phase(phase);
        }

        void layerDone(long recordCount) {
            recordsBefore += recordCount;
        }

        long recordsDone() {
            return recordsBefore;
        }

        private void report(long now) {
            jobs.progress(jobId, done, done / Math.max(1e-9, (now - started) / 1e9));
        }
    }

    private record Unpacked(Path files, String checksum) {
    }

    private Unpacked unpack(Upload upload, Path work, String fileName) {
        try {
            Files.createDirectories(work);
            Path saved = work.resolve("upload").toAbsolutePath();
            String checksum = upload.saveAs(saved);
            Path files = work.resolve("files");
            if (ZipArchive.isZip(saved) || !UploadSources.sentAsItIs(fileName)) {
                ZipArchive.extract(saved, files, properties.maxExpandedSize().toBytes(), properties.maxEntries());
            } else {
                // a GeoPackage, GeoJSON or CSV sent as it is: its name says its format
                Files.createDirectories(files);
                Files.move(saved, files.resolve(ZipArchive.safeFileName(fileName)));
            }
            return new Unpacked(files, checksum);
        } catch (IOException e) {
            throw workFolders.failure(e);
        } catch (UncheckedIOException e) {
            // unpacking: a full disk or a folder taken away half-way
            throw workFolders.failure(e.getCause());
        }
    }
}

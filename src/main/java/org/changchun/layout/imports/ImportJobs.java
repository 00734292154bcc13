package org.changchun.layout.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.changchun.layout.problem.ApiException;
import org.changchun.layout.store.ConcurrentLayerWriteException;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.store.WritePhase;
import org.changchun.layout.store.WriteProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs shapefile imports: the same pipeline for the HTTP API, the map page and the command line.
 * An upload is unpacked and checked first, so bad input is refused before anything is written;
 * then each shapefile is written as a new version of its layer in one store write, which readers
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
    /** The jobs this process is running, kept alive in the store by {@link #heartbeat()}. */
    private final java.util.Set<String> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** One import at a time per process: each is disk- and database-bound. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shapefile-import");
        thread.setDaemon(true);
        return thread;
    });

    private final Counter importedFeatures;
    private final Timer importTime;

    ImportJobs(ImportPlanner planner, FeatureStore store, JobStore jobs, ImportProperties properties, JsonMapper json,
               MeterRegistry meters) {
        this.importedFeatures = Counter.builder("plan.imports.features").description("features written by imports")
                .register(meters);
        this.importTime = Timer.builder("plan.imports.duration").description("time of finished imports")
                .register(meters);
        this.planner = planner;
        this.store = store;
        this.jobs = jobs;
        this.properties = properties;
        this.json = json;
        failStaleJobs();
    }

    /**
     * Tells the store that this process's jobs are alive, also through the long silent phases of
     * a write (indexing, linking), so other replicas do not take them for dead.
     */
    @Scheduled(fixedDelayString = "${plan.imports.heartbeat:5s}")
    void heartbeat() {
        for (String id : running) {
            jobs.find(id).ifPresent(job -> jobs.progress(id, job.featuresDone(),
                    job.featuresPerSecond() == null ? 0 : job.featuresPerSecond()));
        }
    }

    /** Jobs whose process stopped (killed, crashed) show as failed once their heartbeat is stale. */
    @Scheduled(fixedDelayString = "${plan.imports.stale-check:30s}")
    void failStaleJobs() {
        int stale = jobs.failStale(OffsetDateTime.now(ZoneOffset.UTC).minus(properties.staleAfter()),
                "服务在导入过程中停止，未写入任何内容；请重新导入",
                "the service stopped during the import; nothing was written, please import again");
        if (stale > 0) {
            log.warn("Marked {} interrupted import job(s) as failed", stale);
        }
    }

    /** Checks and reads the whole upload and reports what an import would do; writes nothing. */
    public ImportReport dryRun(InputStream upload, String fileName, ImportRequest request) {
        Path work = workFolder(UUID.randomUUID().toString());
        try {
            Unpacked unpacked = unpack(upload, work);
            List<ImportReport.ShapefileReport> reports = new ArrayList<>();
            for (PlannedLayer plan : planner.plan(unpacked.files(), fileName, request)) {
                try (ImportedFeatures features = features(plan, request)) {
                    features.drain();
                    reports.add(features.report());
                }
            }
            return new ImportReport(fileName, reports);
        } finally {
            delete(work);
        }
    }

    /**
     * Checks the upload now (refusing bad input with a 4xx before anything is written) and
     * imports it in the background.
     *
     * @return the job, RUNNING
     */
    public JobRecord submit(InputStream upload, String fileName, ImportRequest request, String user) {
        String id = UUID.randomUUID().toString();
        Path work = workFolder(id);
        try {
            Unpacked unpacked = unpack(upload, work);
            List<PlannedLayer> plans = planner.plan(unpacked.files(), fileName, request);
            JobRecord job = start(id, plans, fileName, user);
            worker.submit(() -> run(job, plans, unpacked.checksum(), request, fileName, work, WriteProgress.NONE));
            return job;
        } catch (RuntimeException e) {
            delete(work);
            throw e;
        }
    }

    /** The same import, run on the caller's thread (the command line), telling it the progress. */
    public JobRecord runHere(InputStream upload, String fileName, ImportRequest request, String user,
                             WriteProgress progress) {
        String id = UUID.randomUUID().toString();
        Path work = workFolder(id);
        Unpacked unpacked;
        List<PlannedLayer> plans;
        try {
            unpacked = unpack(upload, work);
            plans = planner.plan(unpacked.files(), fileName, request);
        } catch (RuntimeException e) {
            delete(work);
            throw e;
        }
        JobRecord job = start(id, plans, fileName, user);
        run(job, plans, unpacked.checksum(), request, fileName, work, progress);
        return jobs.find(id).orElseThrow();
    }

    public Optional<JobRecord> find(String id) {
        return jobs.find(id);
    }

    public List<JobRecord> recent(int limit) {
        return jobs.recent(limit);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    private JobRecord start(String id, List<PlannedLayer> plans, String fileName, String user) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long total = plans.stream().mapToLong(PlannedLayer::recordCount).sum();
        String layers = String.join(",", plans.stream().map(PlannedLayer::layerId).toList());
        JobRecord job = new JobRecord(id, layers.length() > 64 ? layers.substring(0, 64) : layers, "RUNNING",
                null, fileName, user, total, 0, null, null, null, null, now, now);
        jobs.create(job);
        return job;
    }

    private void run(JobRecord job, List<PlannedLayer> plans, String checksum, ImportRequest request, String fileName,
                     Path work, WriteProgress progress) {
        List<ImportReport.ShapefileReport> reports = new ArrayList<>();
        running.add(job.id());
        long started = System.nanoTime();
        JobProgress told = new JobProgress(job.id(), started, progress);
        try {
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
            jobs.progress(job.id(), told.recordsDone(), written / seconds);
            jobs.finish(job.id(), "SUCCEEDED", report(fileName, reports), null, null);
            log.info("Import {} of {} finished: {} features in {} s", job.id(), fileName, written,
                    String.format("%.1f", seconds));
        } catch (ApiException e) {
            fail(job, fileName, reports, e.messageZh(), e.messageEn());
        } catch (ConcurrentLayerWriteException e) {
            fail(job, fileName, reports, "另一次写入同时替换了该图层，本次导入未生效；请稍后重试",
                    "another write replaced the layer at the same time, so this import was not applied; try again");
        } catch (RuntimeException e) {
            log.error("Import {} of {} failed", job.id(), fileName, e);
            fail(job, fileName, reports, "导入失败，未写入任何内容：" + e.getMessage(),
                    "the import failed and wrote nothing: " + e.getMessage());
        } finally {
            running.remove(job.id());
            delete(work);
        }
    }

    private void fail(JobRecord job, String fileName, List<ImportReport.ShapefileReport> reports, String zh, String en) {
        String done = reports.isEmpty() ? "" : "（此前已导入：" + reports.stream().map(ImportReport.ShapefileReport::layer)
                .toList() + "）";
        String doneEn = reports.isEmpty() ? "" : " (layers imported before this one stay: "
                + reports.stream().map(ImportReport.ShapefileReport::layer).toList() + ")";
        jobs.finish(job.id(), "FAILED", report(fileName, reports), zh + done, en + doneEn);
    }

    private ImportedFeatures features(PlannedLayer plan, ImportRequest request) {
        return new ImportedFeatures(plan, request.emptyGeometries(), properties.samples(), properties.listedProblems());
    }

    private static LayerSpec spec(PlannedLayer plan, String fileName, String checksum, String user) {
        String source = fileName + " / " + plan.set().name() + " (" + plan.encoding().charset().name() + ", EPSG:"
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

    private Unpacked unpack(InputStream upload, Path work) {
        try {
            Files.createDirectories(work);
            Path zip = work.resolve("upload.zip");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(upload, sha256)) {
                Files.copy(in, zip, StandardCopyOption.REPLACE_EXISTING);
            }
            ZipArchive.Extracted extracted = ZipArchive.extract(zip, work.resolve("files"),
                    properties.maxExpandedSize().toBytes(), properties.maxEntries());
            return new Unpacked(extracted.dir(), "sha256:" + HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload in " + work, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Path workFolder(String id) {
        return properties.workDir().resolve(id);
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not remove the import work folder {}: {}", folder, e.getMessage());
        }
    }
}

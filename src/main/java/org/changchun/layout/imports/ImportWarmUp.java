package org.changchun.layout.imports;

import java.io.ByteArrayInputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.RehearsedWrite;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Rehearses imports at start-up, before the service says it is ready, so that the first import
 * after it runs compiled code. On a machine with few cores the JIT otherwise compiles an import's
 * code while that import runs, on the cores the import needs: on two, a first import of 1,000,000
 * parcels took 25 s where the same import again took 18 s (its C2 compiler thread busy 10.7 s, then
 * 1.7 s). One small import beforehand does not do: with one C2 thread the queue of methods waiting
 * for it falls behind, and the methods that stopped running are dropped from it. So the rehearsal
 * (a {@link WarmUpSample} read, linked, added up and encoded; nothing stored) is repeated until
 * compiling takes under half of a round twice in a row, at most {@code plan.imports.warm-up} long,
 * and stops as soon as a real import comes in. Not run for the command-line import, or with {@code 0s}.
 */
@Component
class ImportWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportWarmUp.class);
    /** Rounds in a row in which compiling took under {@link #SETTLED_SHARE} of the round's time: enough. */
    private static final int SETTLED_ROUNDS = 2;
    private static final double SETTLED_SHARE = 0.5;
    private static final ImportRequest REQUEST = new ImportRequest(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            ImportRequest.EmptyGeometries.SKIP, false);
    /** Where the plan has no polygons yet: Changchun's administrative extent. */
    private static final Envelope CHANGCHUN = new Envelope(124.3, 127.1, 43.1, 45.3);

    private final ImportJobs imports;
    private final FeatureStore store;
    private final ImportProperties properties;
    private final ApplicationContext context;

    ImportWarmUp(ImportJobs imports, FeatureStore store, ImportProperties properties, ApplicationContext context) {
        this.imports = imports;
        this.store = store;
        this.properties = properties;
        this.context = context;
    }

    /** What a warm-up did. */
    record Rounds(int rounds, long features, long links, Duration took, Duration compiling, boolean settled) {
    }

    @Override
    public void run(ApplicationArguments arguments) {
        boolean serving = context instanceof WebServerApplicationContext web && web.getWebServer() != null;
        if (!serving || properties.warmUp().isZero()) {
            return;
        }
        try {
            Rounds done = warmUp(properties.warmUp());
            log.info("导入预热 {} 轮，{} 个要素、{} 条关联，用时 {} s（其中编译 {} s）{} / import path warmed up: {} rounds,"
                            + " {} features, {} links in {} s ({} s compiling){}", done.rounds(), done.features(),
                    done.links(), seconds(done.took()), seconds(done.compiling()), done.settled() ? "" : "，提前结束",
                    done.rounds(), done.features(), done.links(), seconds(done.took()), seconds(done.compiling()),
                    done.settled() ? "" : ", cut short");
        } catch (RuntimeException e) {
            // the service works without it: only the first import is slower
            log.warn("导入预热失败 / the import warm-up failed; the first import compiles its own code", e);
        }
    }

    /** Rehearses the sample until compiling settles, the limit is reached or an import comes in. */
    Rounds warmUp(Duration limit) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        long compiledBefore = jit.getTotalCompilationTime();
        byte[] zip = WarmUpSample.zipped(planExtent(), planBoundaries());
        int rounds = 0;
        int settledRounds = 0;
        long features = 0;
        long links = 0;
        while (settledRounds < SETTLED_ROUNDS && System.nanoTime() < deadline && !imports.busy()) {
            long roundStarted = System.nanoTime();
            long compiled = jit.getTotalCompilationTime();
            RehearsedWrite round = imports.rehearse(Upload.of(new ByteArrayInputStream(zip)), WarmUpSample.FILE_NAME, REQUEST);
            features += round.features();
            links += round.links();
            long roundMillis = (System.nanoTime() - roundStarted) / 1_000_000;
            long compiledMillis = jit.getTotalCompilationTime() - compiled;
            settledRounds = compiledMillis < roundMillis * SETTLED_SHARE ? settledRounds + 1 : 0;
            rounds++;
            log.debug("Import warm-up round {}: {} ms, {} ms compiling", rounds, roundMillis, compiledMillis);
        }
        return new Rounds(rounds, features, links, Duration.ofNanos(System.nanoTime() - started),
                Duration.ofMillis(jit.getTotalCompilationTime() - compiledBefore), settledRounds == SETTLED_ROUNDS);
    }

    /** The extent of the plan's polygons, where imported features are linked. */
    private Envelope planExtent() {
        Envelope extent = new Envelope();
        store.layers().stream().filter(layer -> layer.kind().isLinkTarget()).map(LayerInfo::extent)
                .forEach(extent::expandToInclude);
        return extent.isNull() ? CHANGCHUN : extent;
    }

    /** The vertices of the plan's polygons, on whose boundaries imported parcels are cut. */
    private List<Coordinate> planBoundaries() {
        List<Coordinate> vertices = new ArrayList<>();
        store.layers().stream().filter(layer -> layer.kind().isLinkTarget()).forEach(layer ->
                store.readGeometries(layer.id(), geometry -> Collections.addAll(vertices, geometry.getCoordinates())));
        return vertices;
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f", duration.toMillis() / 1000.0);
    }
}

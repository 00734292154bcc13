package org.changchun.layout.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.changchun.layout.problem.ApiException;
import org.changchun.layout.store.WritePhase;
import org.changchun.layout.store.WriteProgress;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar changchun-layout.jar import FILE --layer ID [options]}: the import pipeline from
 * the command line, for files too big to upload (a zip of shapefiles, a GeoPackage, GeoJSON or CSV). Runs without a web server, prints progress,
 * and exits 0 on success, 1 when the import failed and 2 for a usage mistake or refused input.
 */
@Component
@ConditionalOnProperty(name = "plan.command", havingValue = "import")
class ImportCommand implements CommandLineRunner, ExitCodeGenerator {

    static final String USAGE = """
            usage: import FILE [--layer ID] [--title-zh TEXT] [--title-en TEXT] [--encoding GBK|UTF-8]
                               [--srid EPSG] [--member NAME] [--empty-geometries skip|refuse] [--dry-run]
            FILE: a zip of shapefiles (or of any of these), a GeoPackage (.gpkg), GeoJSON (.geojson) or CSV (.csv)""";
    private static final Set<String> VALUED = Set.of("layer", "title-zh", "title-en", "encoding", "srid", "member",
            "empty-geometries");

    private final ImportJobs imports;
    private final JsonMapper json;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private int exitCode;

    ImportCommand(ImportJobs imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @Override
    public void run(String... args) {
        Map<String, String> options = new HashMap<>();
        List<String> files = new ArrayList<>();
        try {
            parse(args, options, files);
            if (files.size() != 1) {
                throw new IllegalArgumentException("give exactly one file to import");
            }
            Path zip = Path.of(files.get(0));
            ImportRequest request = new ImportRequest(Optional.ofNullable(options.get("layer")),
                    Optional.ofNullable(options.get("title-zh")), Optional.ofNullable(options.get("title-en")),
                    Optional.ofNullable(options.get("encoding")),
                    Optional.ofNullable(options.get("srid")).map(Integer::valueOf),
                    Optional.ofNullable(options.get("member")),
                    ImportRequest.EmptyGeometries.of(options.getOrDefault("empty-geometries", "skip")),
                    options.containsKey("dry-run"));
            try (InputStream in = Files.newInputStream(zip)) {
                if (request.dryRun()) {
                    ImportReport report = imports.dryRun(Upload.of(in), zip.getFileName().toString(), request);
                    out.println(json.writerFor(ImportReport.class).withDefaultPrettyPrinter().writeValueAsString(report));
                    return;
                }
                JobRecord job = imports.runHere(Upload.of(in), zip.getFileName().toString(), request,
                        System.getProperty("user.name"), new ConsoleProgress());
                out.println(job.state() + ": " + (job.errorEn() == null ? "" : job.errorZh() + " / " + job.errorEn()));
                out.println(job.report());
                exitCode = "SUCCEEDED".equals(job.state()) ? 0 : 1;
            }
        } catch (ApiException e) {
            out.println("refused: " + e.getMessage());
            exitCode = 2;
        } catch (IllegalArgumentException | IOException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            exitCode = 2;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** Reads "--name value", "--name=value" and bare file names; Spring's own --x=y pass through unread. */
    private static void parse(String[] args, Map<String, String> options, List<String> files) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("import")) {
                continue;
            }
            if (arg.equals("--dry-run")) {
                options.put("dry-run", "true");
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                if (name.contains("=")) {
                    value = name.substring(name.indexOf('=') + 1);
                    name = name.substring(0, name.indexOf('='));
                } else if (VALUED.contains(name) && i + 1 < args.length) {
                    value = args[++i];
                }
                if (VALUED.contains(name)) {
                    if (value == null) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    options.put(name, value);
                }
            } else {
                files.add(arg);
            }
        }
    }

    /** Prints the features written about once a second, and each step of the write as it begins. */
    private final class ConsoleProgress implements WriteProgress {

        private final long started = System.nanoTime();
        private long lastPrinted;

        @Override
        public void written(long done) {
            long now = System.nanoTime();
            if (now - lastPrinted > 1_000_000_000L) {
                lastPrinted = now;
                out.printf("%,d features, %,.0f features/s%n", done, done / ((now - started) / 1e9));
            }
        }

        @Override
        public void phase(WritePhase phase) {
            out.println(phase.labelZh() + " / " + phase.labelEn() + " …");
        }
    }
}

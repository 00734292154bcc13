package org.changchun.layout.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.changchun.layout.LayoutApplication;
import org.changchun.layout.shapefile.GdalShapefiles;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.support.Gdal;
import org.changchun.layout.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar … import FILE --layer ID}: the same pipeline from the command line, without a web server. */
@ExtendWith(OutputCaptureExtension.class)
class ImportCommandTest {

    @TempDir
    Path temp;

    @Test
    void importsFromTheCommandLineAndExitsWithTheOutcome(CapturedOutput output) throws IOException {
        Path dir = temp.resolve("shp");
        GdalShapefiles.write(dir, "区县", GdalShapefiles.DISTRICTS, "-lco", "ENCODING=GBK", "-t_srs", "EPSG:4530");
        Path zip = zip(dir);
        String database = TestStores.h2Url();

        try (ConfigurableApplicationContext context = run(database, "import", zip.toString(), "--layer", "cli-districts")) {
            assertThat(context.getBean(ImportCommand.class).getExitCode()).isZero();
            FeatureStore store = context.getBean(FeatureStore.class);
            assertThat(store.layer("cli-districts").orElseThrow().featureCount()).isEqualTo(2);
            assertThat(store.feature("cli-districts", "1").orElseThrow().text("名称")).isEqualTo("双阳区");
            assertThat(output.getOut()).as("each step of the write, as it begins").containsSubsequence(
                    "写入要素 / writing features", "建立索引 / building indexes", "发布新版本 / publishing the new version",
                    "SUCCEEDED");
        }
        try (ConfigurableApplicationContext context = run(database, "import", zip.toString(), "--layer", "districts")) {
            assertThat(context.getBean(ImportCommand.class).getExitCode()).as("a refused import").isEqualTo(2);
        }
        Path gpkg = temp.resolve("规划.gpkg");
        Path geojson = temp.resolve("districts.geojson");
        Files.writeString(geojson, GdalShapefiles.DISTRICTS);
        Gdal.run("ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:4530", "-nln", "区县", gpkg.toString(), geojson.toString());
        try (ConfigurableApplicationContext context = run(database, "import", gpkg.toString(), "--layer", "cli-gpkg",
                "--member", "区县")) {
            assertThat(context.getBean(ImportCommand.class).getExitCode()).as("a GeoPackage table").isZero();
            FeatureStore store = context.getBean(FeatureStore.class);
            assertThat(store.feature("cli-gpkg", "1").orElseThrow().text("名称")).isEqualTo("双阳区");
            assertThat(store.layer("cli-gpkg").orElseThrow().featureCount()).isEqualTo(2);
        }
        Files.writeString(temp.resolve("图纸.dwg"), "AC1032");
        try (ConfigurableApplicationContext context = run(database, "import", temp.resolve("图纸.dwg").toString())) {
            assertThat(context.getBean(ImportCommand.class).getExitCode()).as("a drawing to convert").isEqualTo(2);
            assertThat(output.getOut()).contains("ogr2ogr -f GPKG");
        }
        try (ConfigurableApplicationContext context = run(database, "import")) {
            assertThat(context.getBean(ImportCommand.class).getExitCode()).as("no file given").isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext run(String database, String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--spring.datasource.url=" + database;
        all[args.length + 1] = "--spring.main.banner-mode=off";
        all[args.length + 2] = "--plan.command=import";
        return new SpringApplicationBuilder(LayoutApplication.class).web(WebApplicationType.NONE).run(all);
    }

    private Path zip(Path dir) throws IOException {
        try (var listing = Files.list(dir)) {
            List<Path> files = listing.sorted().toList();
            return GdalShapefiles.zip(temp.resolve("cli.zip"), StandardCharsets.UTF_8,
                    files.stream().map(f -> f.getFileName().toString()).toList(), files);
        }
    }
}

package org.changchun.layout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout docs/architecture.md describes, kept true by the build: packages that import each
 * other in a circle cannot be read, tested or moved one at a time, so none may.
 */
class ArchitectureTest {

    private static final String ROOT = "org.changchun.layout";
    /** Above this a source file holds more than one idea; split it along a seam. */
    private static final int MAX_SOURCE_LINES = 500;

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void noPackageImportsItselfThroughOthers() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theFeatureModelIsTheGroundFloor() {
        noClasses().that().resideInAPackage(ROOT + ".feature..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".catalog..", ROOT + ".coverage..",
                        ROOT + ".exports..", ROOT + ".geo..", ROOT + ".gisdata..", ROOT + ".imports..",
                        ROOT + ".ogc..", ROOT + ".plan..", ROOT + ".problem..", ROOT + ".projects..",
                        ROOT + ".query..", ROOT + ".security..", ROOT + ".store..", ROOT + ".tiles..",
                        ROOT + ".web..")
                .check(classes);
    }

    @Test
    void onlyTheStoreAdaptersSpeakSql() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                        "org.springframework.jdbc..")
                .check(classes);
    }

    @Test
    void noMainSourceFileHoldsMoreThanOneIdeasWorthOfLines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> lines(file) > MAX_SOURCE_LINES)
                    .map(file -> file + " (" + lines(file) + " lines)")
                    .toList();
        }
        assertThat(tooLong).as("main source files over %d lines", MAX_SOURCE_LINES).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

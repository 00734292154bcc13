package org.changchun.layout.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.store.jdbc.JdbcObservationStore;
import org.changchun.layout.support.TestStores;
import org.changchun.layout.support.TestStores.StoreUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures' store on H2GIS and a real PostGIS alike: what is written is read back exactly, a
 * write is all or nothing, the baseline is replaced without touching editors' figures, and the
 * status of every kind and comparator comes out the same from figures read back from either store.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2gis", "postgis"})
class ObservationStoreTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 6, 8, 0, 0, 0, ZoneOffset.UTC);

    @Parameter
    String kind;

    private StoreUnderTest subject;
    private ObservationStore store;

    @BeforeEach
    void createStore() {
        subject = TestStores.create(kind);
        store = new JdbcObservationStore(subject.jdbc(),
                new TransactionTemplate(new DataSourceTransactionManager(subject.dataSource())));
    }

    @AfterEach
    void closeStore() {
        subject.close();
    }

    @Test
    void everyCaseOfTheStatusRuleComesOutTheSameFromFiguresReadBack() {
        List<StatusCases.Case> cases = StatusCases.all();
        List<Observation> figures = new ArrayList<>();
        for (StatusCases.Case example : cases) {
            example.figure().ifPresent(figure -> figures.add(new Observation(example.indicator().id() + "-"
                    + cases.indexOf(example), figure.year(), figure.area(), figure.value(), figure.source(),
                    figure.sample(), figure.recordedAt(), figure.recordedBy())));
        }
        store.write(figures, List.of());

        for (StatusCases.Case example : cases) {
            String id = example.indicator().id() + "-" + cases.indexOf(example);
            Optional<Observation> latest = store.of(id).stream().filter(f -> f.area().equals(StatusCases.CITY))
                    .max(Comparator.comparingInt(Observation::year));
            assertThat(StatusRule.assess(example.indicator(), latest).status()).as(example.name())
                    .isEqualTo(example.expected());
        }
    }

    @Test
    void writesReadsReplacesAndRemovesFigures() {
        long before = store.revision();
        Observation grain = figure("grain-output", 2024, "220182", 60.81, "榆树市统计公报", false, "editor");
        Observation city = figure("grain-output", 2024, "220100", 262.46, null, true, "editor");
        store.write(List.of(grain, city), List.of());

        assertThat(store.revision()).isGreaterThan(before);
        assertThat(store.of("grain-output")).containsExactly(city, grain);
        assertThat(store.find(grain.key())).contains(grain);
        assertThat(store.find(new ObservationKey("grain-output", 2023, "220182"))).isEmpty();

        Observation corrected = figure("grain-output", 2024, "220182", 61.0, "榆树市2024年统计公报（修订）", false, "editor2");
        long afterFirst = store.revision();
        store.write(List.of(corrected), List.of(city.key()));
        assertThat(store.revision()).isGreaterThan(afterFirst);
        assertThat(store.all()).containsExactly(corrected);
    }

    @Test
    void aWriteThatFailsLeavesNothing() {
        store.write(List.of(figure("gdp", 2023, "220100", 7002.1, "长春市2023年国民经济和社会发展统计公报", false, "editor")),
                List.of());
        Observation tooLong = figure("gdp", 2024, "220100", 7600, "x".repeat(2000), false, "editor");

        assertThatThrownBy(() -> store.write(List.of(figure("gdp", 2022, "220100", 6744.6, "公报", false, "editor"),
                tooLong), List.of())).isInstanceOf(RuntimeException.class);
        assertThat(store.all()).extracting(Observation::year).containsExactly(2023);
    }

    @Test
    void theBaselineIsReplacedButEditorsFiguresStay() {
        Observation shipped = figure("car-output", 2024, "220100", 330, null, true, null);
        Observation dropped = figure("car-output", 2023, "220100", 300, null, true, null);
        store.replaceBaseline("sha256:one", List.of(shipped, dropped));
        assertThat(store.baselineChecksum()).contains("sha256:one");
        Observation edited = figure("car-output", 2024, "220100", 341.2, "长春市2024年统计公报", false, "editor");
        store.write(List.of(edited), List.of());

        Observation next = figure("car-output", 2024, "220100", 333, null, true, null);
        Observation added = figure("car-output", 2025, "220100", 350, null, true, null);
        store.replaceBaseline("sha256:two", List.of(next, added));

        assertThat(store.baselineChecksum()).contains("sha256:two");
        assertThat(store.of("car-output")).containsExactly(edited, added);
        store.replaceBaseline("sha256:two", List.of());
        assertThat(store.of("car-output")).as("the same baseline again changes nothing").hasSize(2);
    }

    private static Observation figure(String indicator, int year, String area, double value, String source,
                                      boolean sample, String by) {
        return new Observation(indicator, year, area, value, source, sample, NOW, by);
    }
}

package org.changchun.layout.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.changchun.layout.indicators.ObservationTable.Row;
import org.springframework.stereotype.Service;

/**
 * Records figures: checks every row first (a table with one bad row writes nothing), compares
 * them with what is stored, and writes what changes in one transaction, or, for a dry run, only
 * says what would change. Each write brings {@link DistrictIndicatorLayer} up to date.
 */
@Service
class ObservationWrites {

    /** What a figure of a table does to the store. */
    enum Action {
        INSERT, UPDATE, UNCHANGED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One row of a table and what it does: adds a figure, replaces one (the previous value, source
     * and sample flag given) or repeats what is stored.
     */
    record Change(int line, String indicator, int year, String area, String action, double value,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String source, boolean sample,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Double previousValue,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String previousSource,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Boolean previousSample) {
    }

    /**
     * What a table did, or would do in a dry run.
     *
     * @param encoding the encoding an uploaded file was read in; absent for JSON
     */
    record WriteReport(boolean dryRun, @JsonInclude(JsonInclude.Include.NON_NULL) String encoding, int rows,
                       int inserted, int updated, int unchanged, List<Change> changes) {

        String describe() {
            return (dryRun ? "试运行 dry run: " : "") + rows + " 行 rows, " + inserted + " 新增 inserted, " + updated
                    + " 更新 updated, " + unchanged + " 未变 unchanged" + (changes.isEmpty() ? ""
                    : ": " + String.join("; ", changes.stream().filter(c -> !c.action().equals("unchanged"))
                    .map(c -> c.indicator() + " " + c.year() + " " + c.area() + " = " + Figures.format(c.value())
                            + (c.sample() ? " (sample)" : ""))
                    .toList()));
        }
    }

    private final IndicatorCatalog indicators;
    private final IndicatorAreas areas;
    private final ObservationStore store;
    private final DistrictIndicatorLayer layer;

    ObservationWrites(IndicatorCatalog indicators, IndicatorAreas areas, ObservationStore store,
                      DistrictIndicatorLayer layer) {
        this.indicators = indicators;
        this.areas = areas;
        this.store = store;
        this.layer = layer;
    }

    /**
     * @param encoding the encoding an uploaded table was read in, null for JSON
     * @throws org.changchun.layout.problem.InvalidRowsException listing every bad row; nothing is written
     */
    WriteReport submit(List<Row> rows, String encoding, String user, boolean dryRun) {
        List<Observation> figures = new ObservationCheck(indicators.all(), areas.all())
                .check(rows, user, OffsetDateTime.now(ZoneOffset.UTC));
        Map<ObservationKey, Observation> stored = new HashMap<>();
        figures.stream().map(Observation::indicator).distinct()
                .forEach(id -> store.of(id).forEach(o -> stored.put(o.key(), o)));
        List<Change> changes = new ArrayList<>();
        List<Observation> changed = new ArrayList<>();
        int[] counts = new int[Action.values().length];
        for (int i = 0; i < figures.size(); i++) {
            Observation figure = figures.get(i);
            Observation before = stored.get(figure.key());
            Action action = before == null ? Action.INSERT : before.sameFigure(figure) ? Action.UNCHANGED : Action.UPDATE;
            counts[action.ordinal()]++;
            if (action != Action.UNCHANGED) {
                changed.add(figure);
            }
            changes.add(new Change(rows.get(i).line(), figure.indicator(), figure.year(), figure.area(), action.code(),
                    figure.value(), figure.source(), figure.sample(), before == null ? null : before.value(),
                    before == null ? null : before.source(), before == null ? null : before.sample()));
        }
        if (!dryRun && !changed.isEmpty()) {
            store.write(changed, List.of());
            layer.refresh();
        }
        return new WriteReport(dryRun, encoding, figures.size(), counts[Action.INSERT.ordinal()],
                counts[Action.UPDATE.ordinal()], counts[Action.UNCHANGED.ordinal()], changes);
    }

    /** A figure recorded on its own, and whether it is new rather than a correction. */
    record Recorded(Observation figure, boolean created) {
    }

    /** Records one figure (its area named by adcode or name; the figure returned names it by adcode). */
    Recorded put(Row row, String user) {
        Observation figure = new ObservationCheck(indicators.all(), areas.all())
                .check(List.of(row), user, OffsetDateTime.now(ZoneOffset.UTC)).get(0);
        boolean existed = store.find(figure.key()).isPresent();
        store.write(List.of(figure), List.of());
        layer.refresh();
        return new Recorded(figure, !existed);
    }

    /** Removes one figure; empty when there was none. */
    Optional<Observation> delete(ObservationKey key) {
        Optional<Observation> existing = store.find(key);
        if (existing.isPresent()) {
            store.write(List.of(), List.of(key));
            layer.refresh();
        }
        return existing;
    }
}

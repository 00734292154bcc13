package org.changchun.layout.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySortedRowsTest {

    @TempDir
    Path spill;

    private record Row(long key, String text) {
    }

    @Test
    void rowsOfOneRunComeBackInKeyOrderWithoutTouchingTheDisk() throws Exception {
        List<Row> given = rows(5_000, 100, 3);
        assertThat(sorted(given, 1 << 20, 10_000)).containsExactlyElementsOf(expected(given));
        try (Stream<Path> files = Files.list(spill)) {
            assertThat(files).as("nothing spilled").isEmpty();
        }
    }

    @Test
    void runsSpilledByBytesOrByRowsAreMergedInKeyOrderAndEqualKeysKeepTheOrderTheyCameIn() throws Exception {
        List<Row> given = rows(20_000, 50, 11);
        assertThat(sorted(given, 4_096, 100_000)).as("runs of 4 KB").containsExactlyElementsOf(expected(given));
        assertThat(sorted(given, 1 << 20, 333)).as("runs of 333 rows").containsExactlyElementsOf(expected(given));
        try (Stream<Path> files = Files.list(spill)) {
            assertThat(files).as("the spill file is gone once closed").isEmpty();
        }
    }

    @Test
    void rowsBiggerThanARunOrThanTheReadBufferPassWhole() {
        List<Row> given = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            int size = i % 17 == 0 ? 150_000 + random.nextInt(50_000) : 1 + random.nextInt(3_000);
            given.add(new Row(random.nextInt(40), ("r" + i + ":").repeat(size / 4 + 1)));
        }
        assertThat(sorted(given, 16_384, 1_000)).containsExactlyElementsOf(expected(given));
        assertThat(sorted(given, 1 << 24, 1_000)).containsExactlyElementsOf(expected(given));
    }

    @Test
    void keysOutsideTheRangeAreRefused() {
        try (KeySortedRows rows = new KeySortedRows(spill, 1_024, 10)) {
            byte[] row = {1};
            assertThatThrownBy(() -> rows.add(-1, row, 0, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> rows.add(KeySortedRows.MAX_KEY + 1, row, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            rows.add(KeySortedRows.MAX_KEY, row, 0, 1);
        }
    }

    private List<Row> sorted(List<Row> given, int runBytes, int runRows) {
        List<Row> back = new ArrayList<>();
        try (KeySortedRows rows = new KeySortedRows(spill, runBytes, runRows)) {
            for (Row row : given) {
                // each row handed over at an offset in a bigger array, as the copy loader does
                byte[] text = ("xx" + row.text()).getBytes(StandardCharsets.UTF_8);
                rows.add(row.key(), text, 2, text.length - 2);
            }
            rows.forEachInOrder((bytes, offset, length) -> back.add(new Row(-1,
                    new String(bytes, offset, length, StandardCharsets.UTF_8))));
        }
        List<Row> byKey = expected(given);
        for (int i = 0; i < back.size(); i++) {
            back.set(i, new Row(byKey.get(i).key(), back.get(i).text()));
        }
        return back;
    }

    /** Sorted by key, stable: rows of equal keys in the order given. */
    private static List<Row> expected(List<Row> given) {
        return given.stream().sorted(Comparator.comparingLong(Row::key)).toList();
    }

    private static List<Row> rows(int count, int distinctKeys, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Row(random.nextInt(distinctKeys) * 1_000_003L, "row " + i + " " + "·".repeat(random.nextInt(40))));
        }
        return rows;
    }
}

package org.changchun.layout.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class HilbertKeyTest {

    @Test
    void theCurveVisitsEveryCellOfACornerBlockOnceEachStepToANeighbour() {
        // the curve fills the lower left quadrant of every level first: a 64 x 64 corner block holds steps 0..4095
        Map<Long, int[]> cellAt = new HashMap<>();
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                assertThat(cellAt.put(HilbertKey.of(x, y), new int[] {x, y})).as("step of (%d, %d) taken once", x, y)
                        .isNull();
            }
        }
        assertThat(cellAt.keySet()).allMatch(step -> step >= 0 && step < 4096);
        for (long step = 1; step < 4096; step++) {
            int[] before = cellAt.get(step - 1);
            int[] here = cellAt.get(step);
            assertThat(Math.abs(before[0] - here[0]) + Math.abs(before[1] - here[1])).as("step %d", step).isEqualTo(1);
        }
    }

    @Test
    void keysSpanTheWholeGlobeWithinTheirBits() {
        int last = (1 << HilbertKey.ORDER) - 1;
        assertThat(HilbertKey.of(0, 0)).isZero();
        assertThat(HilbertKey.of(last, 0)).as("the curve ends at the lower right").isEqualTo((1L << HilbertKey.BITS) - 1);
        assertThat(HilbertKey.of(new Envelope(-180, -180, -90, -90))).isZero();
        assertThat(HilbertKey.of(new Envelope(180, 180, -90, -90))).as("clamped to the last cell")
                .isEqualTo((1L << HilbertKey.BITS) - 1);
        assertThat(HilbertKey.of(new Envelope(200, 250, 95, 99))).isBetween(0L, (1L << HilbertKey.BITS) - 1);
        assertThat(HilbertKey.of(new Envelope())).as("an empty geometry").isZero();
    }

    @Test
    void aBoxIsKeyedByItsCentreAndNearbyPlacesGetNearbyKeysMoreOftenThanNot() {
        Envelope parcel = new Envelope(125.30, 125.32, 43.80, 43.82);
        assertThat(HilbertKey.of(parcel)).isEqualTo(HilbertKey.of(new Envelope(125.31, 125.31, 43.81, 43.81)));
        long here = HilbertKey.of(new Envelope(125.3100, 125.3100, 43.8100, 43.8100));
        long nextDoor = HilbertKey.of(new Envelope(125.3101, 125.3101, 43.8101, 43.8101));
        long harbin = HilbertKey.of(new Envelope(126.63, 126.63, 45.75, 45.75));
        assertThat(Math.abs(here - nextDoor)).isLessThan(Math.abs(here - harbin));
    }
}

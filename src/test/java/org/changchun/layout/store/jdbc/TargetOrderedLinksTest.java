package org.changchun.layout.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.changchun.layout.feature.LinkRelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetOrderedLinksTest {

    private record Link(String sourceId, String targetLayer, String targetId, LinkRelation relation) {
    }

    @TempDir
    Path spillDirectory;

    @Test
    void linksComeBackTargetByTargetInOrderEachInTheOrderAdded() throws IOException {
        List<Link> added = new ArrayList<>();
        Random random = new Random(5);
        String[] layers = {"major-zones", "districts", "dev-zones"};
        // enough links to spill every target's buffer many times over, with ids of every length up to 128
        for (int i = 0; i < 200_000; i++) {
            String layer = layers[random.nextInt(layers.length)];
            String id = layer.equals("districts") ? "2201" + random.nextInt(12) : "zone-" + random.nextInt(7);
            String sourceId = i % 997 == 0 ? "项目-".repeat(25) + i : "p" + i;
            added.add(new Link(sourceId, layer, id, random.nextInt(10) == 0 ? LinkRelation.INTERSECTS
                    : LinkRelation.WITHIN));
        }
        List<Link> handedBack = new ArrayList<>();
        try (TargetOrderedLinks links = new TargetOrderedLinks(spillDirectory)) {
            added.forEach(link -> links.add(link.sourceId(), link.targetLayer(), link.targetId(), link.relation()));
            // the spill file is unlinked as soon as it is open (DELETE_ON_CLOSE on Unix): a crash leaves nothing
            assertThat(links.spilledBytes()).as("every target's buffer spilled").isGreaterThan(1_000_000);
            assertThat(spillFiles()).as("nothing left visible in the spill directory").isEmpty();
            links.forEachInTargetOrder((sourceId, targetLayer, targetId, relation) ->
                    handedBack.add(new Link(sourceId, targetLayer, targetId, relation)));
        }
        // a stable sort by target keeps each target's links in the order they were added
        List<Link> expected = added.stream().sorted(Comparator.comparing(Link::targetLayer)
                .thenComparing(Link::targetId)).toList();
        assertThat(handedBack).isEqualTo(expected);
        assertThat(spillFiles()).as("nothing left on close").isEmpty();
    }

    @Test
    void fewLinksStayInMemory() throws IOException {
        List<String> handedBack = new ArrayList<>();
        try (TargetOrderedLinks links = new TargetOrderedLinks(spillDirectory.resolve("not-yet"))) {
            links.add("b", "zones", "2", LinkRelation.WITHIN);
            links.add("a", "zones", "1", LinkRelation.INTERSECTS);
            links.add("c", "belts", "9", LinkRelation.WITHIN);
            assertThat(links.spilledBytes()).isZero();
            links.forEachInTargetOrder((sourceId, targetLayer, targetId, relation) ->
                    handedBack.add(targetLayer + "/" + targetId + " " + sourceId + " " + relation.code()));
        }
        assertThat(handedBack).containsExactly("belts/9 c within", "zones/1 a intersects", "zones/2 b within");
        assertThat(spillDirectory.resolve("not-yet")).doesNotExist();
    }

    private List<Path> spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(spillDirectory)) {
            return files.toList();
        }
    }
}

package org.changchun.layout.store.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.LinkRelation;

/**
 * A layer's links gathered as its features stream past, handed back grouped by target, in the
 * order of (target layer, target id): the order PostgreSQL's index by target sorts them in, so
 * that index is built from rows already in order, in one pass, where a sort of a few dozen
 * targets tied millions of times took longest of the whole import (ten million points: a 45 s
 * rewrite in that order, 57 s for the index before). Bounded memory whatever the layer's size:
 * each target's links fill a small buffer, appended when full to one spill file as a chunk the
 * target remembers; handing back reads each target's chunks in turn. The {@link SpillFile} is deleted
 * on close, on Unix as soon as it is open, so not even a crash leaves it behind.
 */
final class TargetOrderedLinks implements AutoCloseable {

    /** One link as handed back. */
    interface LinkConsumer {
        void link(String sourceId, String targetLayer, String targetId, LinkRelation relation);
    }

    private record Target(String layerId, String featureId) {
    }

    private static final Comparator<Target> ORDER = Comparator.comparing(Target::layerId)
            .thenComparing(Target::featureId);
    /** Small enough for hundreds of targets, big enough that a spill write moves a useful amount. */
    private static final int BUFFER_BYTES = 16 * 1024;
    private static final LinkRelation[] RELATIONS = LinkRelation.values();

    /** Looked up once per link, so hashed; put in order once, when handed back. */
    private final Map<Target, Bucket> buckets = new HashMap<>();
    private final SpillFile spill;

    /** @param spillDirectory where the spill file goes, created on the first full buffer */
    TargetOrderedLinks(Path spillDirectory) {
        this.spill = new SpillFile(spillDirectory, "links-");
    }

    void add(String sourceId, String targetLayer, String targetId, LinkRelation relation) {
        Bucket bucket = buckets.computeIfAbsent(new Target(targetLayer, targetId), target -> new Bucket());
        try {
            bucket.rows.writeUTF(sourceId);
            bucket.rows.writeByte(relation.ordinal());
            if (bucket.bytes.size() >= BUFFER_BYTES) {
                spill(bucket);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not set links aside in " + spill.location(), e);
        }
    }

    /** Hands every link back, target by target in order, each target's in the order they were added. */
    void forEachInTargetOrder(LinkConsumer consumer) {
        try {
            for (Target target : buckets.keySet().stream().sorted(ORDER).toList()) {
                Bucket bucket = buckets.get(target);
                for (long[] chunk : bucket.chunks) {
                    ByteBuffer read = ByteBuffer.allocate((int) chunk[1]);
                    if (spill.read(read, chunk[0]) < chunk[1]) {
                        throw new IOException("the spill file ended early");
                    }
                    replay(read.array(), read.limit(), target, consumer);
                }
                replay(bucket.bytes.buffer(), bucket.bytes.size(), target, consumer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read back the links set aside in " + spill.location(), e);
        }
    }

    /** How much has gone to the spill file so far. */
    long spilledBytes() {
        return spill.size();
    }

    @Override
    public void close() {
        buckets.clear();
        spill.close();
    }

    private void spill(Bucket bucket) throws IOException {
        int length = bucket.bytes.size();
        bucket.chunks.add(new long[] {spill.append(ByteBuffer.wrap(bucket.bytes.buffer(), 0, length)), length});
        bucket.bytes.reset();
    }

    private static void replay(byte[] bytes, int length, Target target, LinkConsumer consumer) throws IOException {
        DataInputStream rows = new DataInputStream(new ByteArrayInputStream(bytes, 0, length));
        while (rows.available() > 0) {
            String sourceId = rows.readUTF();
            consumer.link(sourceId, target.layerId(), target.featureId(), RELATIONS[rows.readByte()]);
        }
    }

    /** A target's links not yet spilled, and where its spilled chunks lie (offset, length). */
    private static final class Bucket {
        final ExposedBytes bytes = new ExposedBytes();
        final DataOutputStream rows = new DataOutputStream(bytes);
        final List<long[]> chunks = new ArrayList<>();
    }

    /** Lets a full buffer be written out without copying it first. */
    private static final class ExposedBytes extends ByteArrayOutputStream {
        ExposedBytes() {
            super(BUFFER_BYTES + 256);
        }

        byte[] buffer() {
            return buf;
        }
    }
}

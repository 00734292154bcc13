package org.changchun.layout.store;

/**
 * Told how far a store has got with a write, so long writes can report progress: how many
 * features it has written so far, and which step it has begun. Called on the writing thread, some
 * calls inside the write's transaction while its connection is busy with a bulk load: a listener
 * that uses the database does so in a transaction of its own (as the job store does).
 */
@FunctionalInterface
public interface WriteProgress {

    WriteProgress NONE = written -> { };

    void written(long featuresWritten);

    default void phase(WritePhase phase) {
    }
}

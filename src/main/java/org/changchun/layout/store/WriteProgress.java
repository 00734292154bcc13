package org.changchun.layout.store;

/**
 * Told how far a store has got with a write, so long writes can report progress: how many
 * features it has written so far, and which step it has begun.
 */
@FunctionalInterface
public interface WriteProgress {

    WriteProgress NONE = written -> { };

    void written(long featuresWritten);

    default void phase(WritePhase phase) {
    }
}

package org.changchun.layout.store;

/** Told how many features a store has written so far, so long writes can report progress. */
@FunctionalInterface
public interface WriteProgress {

    WriteProgress NONE = written -> { };

    void written(long featuresWritten);
}

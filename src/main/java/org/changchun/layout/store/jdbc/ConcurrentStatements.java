package org.changchun.layout.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs statements that do not block one another side by side, each on a pooled connection of
 * its own: the id and spatial indexes of a new feature table and the two b-tree indexes of its
 * staged links then take about as long as the longest of them instead of their sum (PostgreSQL
 * builds a GiST index on one core); so does a chain of statements beside others (the feature
 * table's spatial ordering, then its indexes, beside the links' indexes).
 */
final class ConcurrentStatements {

    private static final ExecutorService BUILDERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "index-build");
        thread.setDaemon(true);
        return thread;
    });

    private ConcurrentStatements() {
    }

    /**
     * Returns when every statement has finished, run side by side or, where the database builds one
     * index at a time, one after the other; throws the first failure after all have ended.
     */
    static void execute(JdbcTemplate jdbc, List<String> statements, boolean concurrently) {
        run(statements.stream().<Runnable>map(statement -> () -> jdbc.execute(statement)).toList(), concurrently);
    }

    /** As {@link #run(List)}, or one after the other where the database builds one index at a time. */
    static void run(List<Runnable> tasks, boolean concurrently) {
        if (concurrently) {
            run(tasks);
        } else {
            tasks.forEach(Runnable::run);
        }
    }

    /** Starts a task on a builder thread, beside what the caller does next. */
    static CompletableFuture<Void> beside(Runnable task) {
        return CompletableFuture.runAsync(task, BUILDERS);
    }

    /**
     * Runs tasks side by side, each a statement or a chain of statements on pooled connections;
     * returns when every task has finished and throws the first failure after all have ended.
     */
    static void run(List<Runnable> tasks) {
        if (tasks.size() == 1) {
            tasks.get(0).run();
            return;
        }
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Runnable task : tasks) {
            running.add(beside(task));
        }
        RuntimeException failure = null;
        for (CompletableFuture<Void> task : running) {
            try {
                task.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

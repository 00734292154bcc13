package org.changchun.layout.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * While the database is away every periodic task (heartbeats, stale jobs, catalog refresh, sweeps)
 * fails each time it runs; one line per failure says so, instead of a stack trace that buries the
 * log. The tasks run again on schedule and recover with the database. Other failures keep their
 * stack trace.
 */
@Component
class ScheduledTaskErrors implements ThreadPoolTaskSchedulerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskErrors.class);

    @Override
    public void customize(ThreadPoolTaskScheduler scheduler) {
        scheduler.setErrorHandler(ScheduledTaskErrors::handle);
    }

    static void handle(Throwable error) {
        if (DatabaseFailures.unavailable(error)) {
            log.warn("A periodic task was skipped, the database is unreachable: {}", error.getMessage());
        } else {
            log.error("A periodic task failed", error);
        }
    }
}

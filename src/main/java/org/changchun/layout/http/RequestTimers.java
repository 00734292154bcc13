package org.changchun.layout.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The {@code http.server.requests} timers of Spring's request observation, for the answers
 * a door makes before that observation starts or without it (the tile filter, the front door): the same meter name and tags, so a
 * dashboard sees one series per route and status whichever path answered, without the cost of an
 * observation (a quarter of the CPU of a cached tile's answer).
 */
public final class RequestTimers {

    private static final String NAME = "http.server.requests";

    private record Key(String uri, int status, String exception) {
    }

    private final MeterRegistry registry;
    private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

    public RequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records a GET on this route answered with this status after this many nanoseconds; error is null when none was thrown. */
    public void record(String uri, int status, Throwable error, long nanos) {
        String exception = error == null ? "none" : error.getClass().getSimpleName();
        timers.computeIfAbsent(new Key(uri, status, exception), this::register).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer register(Key key) {
        return Timer.builder(NAME)
                .tag("method", "GET")
                .tag("uri", key.uri())
                .tag("status", Integer.toString(key.status()))
                .tag("outcome", Outcome.forStatus(key.status()).name())
                .tag("exception", key.exception())
                .tag("error", key.exception())
                .register(registry);
    }
}

package org.changchun.layout.tiles.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.ResponseConnControl;
import org.apache.hc.core5.http.protocol.ResponseContent;
import org.apache.hc.core5.http.protocol.ResponseDate;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.changchun.layout.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The tile port: a second HTTP port for map clients, answering tile reads with a thread per
 * connection that blocks on the socket (Apache HttpCore's classic server), next to the API port's
 * servlet container.
 *
 * <p>Why: Tomcat hands every request from its poller thread to a worker thread and the connection
 * back again, and each hand-off wakes a thread. For a tile PostGIS encodes in a fraction of a
 * millisecond, those wake-ups cost more than the answer: measured on two cores with two clients,
 * district tiles with the cache off came well below the rate of the same statement run straight in
 * PostgreSQL through Tomcat and at that rate through this port, where the JVM spent about half the
 * CPU per tile (docs/benchmarks.md, "A second port for tiles"). Everything the port does not answer itself, it relays to the API port
 * ({@link TileListenerHandler}, {@link ApiRelay}), so a client may use it for every path.
 *
 * <p>Off unless {@code plan.tiles.listener.port} is set; it listens on the API port's address
 * ({@code server.address}), over plain HTTP, and serves at most
 * {@code plan.tiles.listener.max-connections} connections at once.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty("plan.tiles.listener.port")
class TileListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TileListener.class);
    /** How long a request in flight may take to finish when the service stops; a tile takes milliseconds. */
    /** Limits on a request's head like Tomcat's on the API port, so that both ports refuse the same requests. */
    static final int MAX_HEADER_LINE = 8 * 1024;
    static final int MAX_HEADER_COUNT = 100;
    private static final Timeout STOP_GRACE = Timeout.ofSeconds(2);

    private final TileAnswers answers;
    private final TileListenerProperties listener;
    private final SecurityProperties security;
    private final ServerProperties server;
    private final WebServerApplicationContext context;
    private final RequestTimers timers;
    private final Counter relayed;
    private volatile HttpServer running;

    TileListener(TileAnswers answers, TileListenerProperties listener, SecurityProperties security,
                 ServerProperties server, WebServerApplicationContext context, MeterRegistry meters) {
        this.answers = answers;
        this.listener = listener;
        this.security = security;
        this.server = server;
        this.context = context;
        this.timers = new RequestTimers(meters);
        this.relayed = Counter.builder("plan.tiles.listener.relayed")
                .description("requests to the tile port handed on to the API port (not anonymous tile reads, or failed)")
                .register(meters);
    }

    @Override
    public void start() {
        if (server.getSsl() != null && server.getSsl().isEnabled()) {
            throw new IllegalStateException("瓦片端口只用 HTTP，不能与 server.ssl 同用，请在两个端口前面统一加 TLS / "
                    + "the tile port speaks plain HTTP and cannot be used with server.ssl; put TLS in front of both ports");
        }
        InetAddress address = server.getAddress();
        URI api = URI.create("http://" + apiHost(address) + ":" + context.getWebServer().getPort() + "/");
        TileListenerHandler handler = new TileListenerHandler(answers, timers, new ApiRelay(api), relayed);
        HttpServer created = ServerBootstrap.bootstrap()
                .setLocalAddress(address)
                .setListenerPort(listener.port())
                .setServerSocketFactory(new ConnectionLimit(listener.maxConnections()))
                .setSocketConfig(SocketConfig.custom()
                        .setTcpNoDelay(true)
                        .setSoTimeout(Timeout.of(listener.idleTimeout()))
                        .build())
                // no Server header, as on the API port
                .setHttpProcessor(HttpProcessorBuilder.create()
                        .addAll(ResponseDate.INSTANCE, ResponseContent.INSTANCE, ResponseConnControl.INSTANCE,
                                new TilePortProblems()).build())
                // the API port's (Tomcat's) limits on a request's head
                .setHttp1Config(Http1Config.custom()
                        .setMaxLineLength(MAX_HEADER_LINE).setMaxHeaderCount(MAX_HEADER_COUNT).build())
                // every request, whatever host it names, to the one handler
                .setRequestRouter((request, requestContext) -> handler)
                .setExceptionListener(new ExceptionListener() {
                    @Override
                    public void onError(Exception e) {
                        log.warn("Tile port failed", e);
                    }

                    @Override
                    public void onError(HttpConnection connection, Exception e) {
                        connectionFailed(connection, e);
                    }
                })
                .create();
        try {
            created.start();
        } catch (IOException e) {
            throw new UncheckedIOException("瓦片端口 " + listener.port() + " 无法监听 / the tile port " + listener.port()
                    + " cannot be listened on", e);
        }
        running = created;
        log.info("Tile port listening on {}:{} (at most {} connections); requests it does not answer go to {}",
                created.getInetAddress() == null ? "*" : created.getInetAddress().getHostAddress(),
                created.getLocalPort(), listener.maxConnections(), api);
        if (!security.anonymousRead()) {
            log.warn("Reading needs a sign-in (plan.security.anonymous-read=false): every request to the tile port "
                    + "is relayed to the API port, which checks it");
        }
    }

    /**
     * A connection that failed: a client that went away or idled past the timeout is routine; anything
     * else (a malformed request, a handler that threw) is worth a warning.
     */
    private static void connectionFailed(HttpConnection connection, Exception e) {
        if (e instanceof SocketTimeoutException || e instanceof ConnectionClosedException
                || e instanceof SocketException) {
            log.debug("Tile port connection {} ended: {}", connection, e.toString());
        } else {
            log.warn("Tile port connection {} failed", connection, e);
        }
    }

    /** Where this machine reaches the API port: its own address, or loopback when it listens on every address. */
    private static String apiHost(InetAddress address) {
        InetAddress host = address == null || address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
        String text = host.getHostAddress();
        return text.contains(":") ? "[" + text + "]" : text;
    }

    @Override
    public void stop() {
        HttpServer stopping = running;
        running = null;
        if (stopping != null) {
            stopping.close(CloseMode.GRACEFUL, STOP_GRACE);
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** After the API port is up (its port is where requests are relayed), and stopped before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    /** The port listened on (the chosen one when {@code plan.tiles.listener.port} is 0). */
    int port() {
        HttpServer current = running;
        if (current == null) {
            throw new IllegalStateException("the tile port is not listening");
        }
        return current.getLocalPort();
    }
}

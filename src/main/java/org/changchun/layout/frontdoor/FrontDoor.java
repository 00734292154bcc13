package org.changchun.layout.frontdoor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpHost;
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
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.RequestTimers;
import org.changchun.layout.ogc.ItemPages;
import org.changchun.layout.security.ContentSecurityPolicy;
import org.changchun.layout.security.SecurityProperties;
import org.changchun.layout.tiles.serving.TileAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.Compression;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.stereotype.Component;

/**
 * The front door: the service's public port ({@code server.port}), answering anonymous tile reads
 * and pages of items ({@link FrontDoorItemPages}) itself with a thread per connection that blocks on the socket (Apache HttpCore's classic server),
 * and handing every other request to the servlet container, which listens behind it on this
 * machine's loopback address only ({@link ContainerBehindFrontDoor}).
 *
 * <p>Why: Tomcat hands every request from its poller thread to a worker thread and the connection
 * back again, and each hand-off wakes a thread. For a tile PostGIS encodes in a fraction of a
 * millisecond, those wake-ups cost more than the answer: measured on two cores with two clients,
 * district tiles with the cache off came at about half the rate of the same statement run straight
 * in PostgreSQL through Tomcat, and at that rate through this door, where the JVM spent about half
 * the CPU per tile (docs/benchmarks.md, "The front door and the servlet container"). It was a second
 * port once, off by default, so the map page and everyone who ran the service as documented got
 * the slower path; in front, every client gets the fast one, and one port still serves everything.
 * What the servlet container answers is relayed unchanged ({@link FrontDoorHandler},
 * {@link ApiRelay}): headers, security, CORS, metrics.
 *
 * <p>On unless {@code plan.front-door.enabled} is false or the service speaks HTTPS itself
 * ({@code server.ssl}: the door speaks plain HTTP; then the servlet container takes the port, as it
 * does without the door). It serves at most {@code plan.front-door.max-connections} connections at
 * once. {@code local.server.port}, which tests and tools read for the port the service listens on,
 * names the door's port; {@code local.container.port} the servlet container's.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "plan.front-door.enabled", havingValue = "true", matchIfMissing = true)
class FrontDoor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);
    /**
     * The longest line of a request's head the door reads at all (past it, HttpCore refuses the
     * request, 431); a head over {@link #MAX_HEAD} is refused after it is read, in the words the
     * container would use (400).
     */
    static final int MAX_HEADER_LINE = 64 * 1024;
    /** As many headers as Tomcat takes. */
    static final int MAX_HEADER_COUNT = 100;
    /** Tomcat's bound on a request's head (max-http-request-header-size), which the door keeps. */
    static final int MAX_HEAD = 8 * 1024;
    /** How long a request in flight may take to finish when the service stops; a tile takes milliseconds. */
    private static final Timeout STOP_GRACE = Timeout.ofSeconds(2);
    /** Spring Boot's property source of the ports listened on. */
    private static final String PORTS = "server.ports";

    private final TileAnswers answers;
    private final ItemPages itemPages;
    private final ContentSecurityPolicy contentSecurityPolicy;
    private final FrontDoorProperties door;
    private final SecurityProperties security;
    private final ServerProperties server;
    private final ApplicationContext context;
    private final RequestTimers timers;
    private final Counter relayed;
    private volatile HttpServer running;
    private volatile ApiRelay relay;

    FrontDoor(TileAnswers answers, ItemPages itemPages, ContentSecurityPolicy contentSecurityPolicy,
              FrontDoorProperties door, SecurityProperties security, ServerProperties server,
              ApplicationContext context, MeterRegistry meters) {
        this.answers = answers;
        this.itemPages = itemPages;
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.door = door;
        this.security = security;
        this.server = server;
        this.context = context;
        this.timers = new RequestTimers(meters);
        this.relayed = Counter.builder("plan.front-door.relayed")
                .description("requests to the front door handed on to the servlet container (not anonymous tile reads or pages of items, or failed)")
                .register(meters);
    }

    /** Whether the door takes the public port: the service speaks plain HTTP and has a port at all. */
    static boolean opens(ServerProperties server) {
        boolean https = server.getSsl() != null && server.getSsl().isEnabled();
        return !https && (server.getPort() == null || server.getPort() >= 0);
    }

    @Override
    public void start() {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return; // a web application without a server of its own (a test's mock environment)
        }
        if (!opens(server)) {
            log.info("No front door: the servlet container answers on the service's port itself (server.ssl is on, "
                    + "or there is no port)");
            return;
        }
        int containerPort = web.getWebServer().getPort();
        HttpHost container = new HttpHost("http", InetAddress.getLoopbackAddress(), containerPort);
        ApiRelay relay = new ApiRelay(container, door.maxConnections());
        FrontDoorItemPages pages = new FrontDoorItemPages(itemPages, timers, security.anonymousRead(),
                contentSecurityPolicy.value(), compressibleFrom(server.getCompression(), MediaTypes.GEOJSON_VALUE),
                compressibleFrom(server.getCompression(), MediaTypes.PROBLEM_JSON_VALUE) < Long.MAX_VALUE);
        FrontDoorHandler handler = new FrontDoorHandler(answers, pages, timers, relay, relayed);
        int port = server.getPort() == null ? 8080 : server.getPort();
        HttpServer created = ServerBootstrap.bootstrap()
                .setLocalAddress(server.getAddress())
                .setListenerPort(port)
                .setServerSocketFactory(new ConnectionLimit(door.maxConnections()))
                .setSocketConfig(SocketConfig.custom()
                        .setTcpNoDelay(true)
                        // httpcore's default turns it off on the bound socket, and the connections the door
                        // closed then hold the port for a minute after it stops: a restart could not bind it
                        .setSoReuseAddress(true)
                        .setSoTimeout(Timeout.of(door.idleTimeout()))
                        .build())
                // no Server header, as the servlet container sends none
                .setHttpProcessor(HttpProcessorBuilder.create()
                        .addAll(ResponseDate.INSTANCE, ResponseContent.INSTANCE, ResponseConnControl.INSTANCE,
                                new FrontDoorProblems()).build())
                .setHttp1Config(Http1Config.custom()
                        .setMaxLineLength(MAX_HEADER_LINE).setMaxHeaderCount(MAX_HEADER_COUNT).build())
                // every request, whatever host it names, to the one handler
                .setRequestRouter((request, requestContext) -> handler)
                .setExceptionListener(new ExceptionListener() {
                    @Override
                    public void onError(Exception e) {
                        if (running == null) {
                            // closing the listening socket ends its accept loop with an exception
                            log.debug("Front door closed: {}", e.toString());
                        } else {
                            log.warn("Front door failed", e);
                        }
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
            throw new UncheckedIOException("端口 " + port + " 无法监听（是否已被占用？）/ port " + port
                    + " cannot be listened on (is it in use?)", e);
        }
        running = created;
        this.relay = relay;
        publishPorts(created.getLocalPort(), containerPort);
        log.info("Front door listening on {}:{} (at most {} connections); requests it does not answer go to {}",
                created.getInetAddress() == null ? "*" : created.getInetAddress().getHostAddress(),
                created.getLocalPort(), door.maxConnections(), container);
        if (!security.anonymousRead()) {
            log.warn("Reading needs a sign-in (plan.security.anonymous-read=false): every request to the front door "
                    + "is relayed to the servlet container, which checks it");
        }
    }

    /**
     * The size from which the servlet container compresses an answer of this media type for a client
     * that accepts it, {@link Long#MAX_VALUE} when it never does.
     */
    private static long compressibleFrom(Compression compression, String mediaType) {
        boolean compressed = compression.getEnabled() && compression.getMimeTypes() != null
                && Arrays.asList(compression.getMimeTypes()).contains(mediaType);
        return compressed ? compression.getMinResponseSize().toBytes() : Long.MAX_VALUE;
    }

    /** local.server.port: the port clients use, the door's; local.container.port: the container's behind it. */
    private void publishPorts(int doorPort, int containerPort) {
        if (context instanceof ConfigurableApplicationContext configurable) {
            MutablePropertySources sources = configurable.getEnvironment().getPropertySources();
            Map<String, Object> ports = new HashMap<>();
            if (sources.get(PORTS) instanceof MapPropertySource existing) {
                ports.putAll(existing.getSource());
            }
            ports.put("local.server.port", doorPort);
            ports.put("local.container.port", containerPort);
            // first, as Spring Boot adds its own "server.ports"
            sources.remove(PORTS);
            sources.addFirst(new MapPropertySource(PORTS, ports));
        }
    }

    /**
     * A connection that failed: a client that went away or idled past the timeout is routine; anything
     * else (a malformed request, a handler that threw) is worth a warning.
     */
    private static void connectionFailed(HttpConnection connection, Exception e) {
        if (e instanceof SocketTimeoutException || e instanceof ConnectionClosedException
                || e instanceof SocketException) {
            log.debug("Front door connection {} ended: {}", connection, e.toString());
        } else {
            log.warn("Front door connection {} failed", connection, e);
        }
    }


    @Override
    public void stop() {
        HttpServer stopping = running;
        running = null;
        if (stopping != null) {
            stopping.close(CloseMode.GRACEFUL, STOP_GRACE);
        }
        ApiRelay closing = relay;
        relay = null;
        if (closing != null) {
            closing.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** After the servlet container is up (its port is where requests are relayed), and stopped before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    /** The port listened on (the chosen one when {@code server.port} is 0). */
    int port() {
        HttpServer current = running;
        if (current == null) {
            throw new IllegalStateException("the front door is not open");
        }
        return current.getLocalPort();
    }
}

package org.changchun.layout.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service in a JVM of its own, started from the test classpath, so that a test can kill it as
 * an operating system or an operator would ({@code kill -9}), which no in-process context allows.
 */
public final class ChildService implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final Process process;
    private final int port;

    private ChildService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the service with these {@code --name=value} arguments and waits until its health
     * answers.
     *
     * @param log where its output goes, to read when a test fails
     */
    public static ChildService start(Path log, List<String> arguments) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return start(log, port, arguments);
    }

    /** The same, on a given port (a restart on the port a stopped one had). */
    public static ChildService start(Path log, int port, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.changchun.layout.LayoutApplication",
                "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildService child = new ChildService(process, port);
        Http http = new Http(port);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!child.answers(http)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                child.close();
                throw new IllegalStateException("the child service did not start; its output is in " + log);
            }
            Thread.sleep(250);
        }
        return child;
    }

    public int port() {
        return port;
    }

    /** Stops the process as a service manager does (SIGTERM) and waits until it has exited. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no finally block runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private boolean answers(Http http) {
        try {
            return http.get("/actuator/health").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }
}

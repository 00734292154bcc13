package org.changchun.layout.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The front door's connections, as a client's socket sees them: bounded in number, and what they may ask. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.front-door.max-connections=2"})
class FrontDoorConnectionsTest {

    private static final String TILE = "/ogc/collections/districts/tiles/WebMercatorQuad/10/372/868";

    @Autowired
    FrontDoor frontDoor;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @Test
    void aConnectionOverTheBoundWaitsUntilAnOpenOneCloses() throws Exception {
        try (Socket first = connect(); Socket second = connect(); Socket third = connect()) {
            assertThat(statusLine(first)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(statusLine(second)).isEqualTo("HTTP/1.1 200 OK");

            // connected (the kernel queued it) but not accepted: its request waits
            third.setSoTimeout(1_500);
            assertThatThrownBy(() -> statusLine(third)).isInstanceOf(SocketTimeoutException.class);

            first.close();
            third.setSoTimeout(10_000);
            assertThat(readLine(third.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
            // the kept-alive second connection is still served
            assertThat(statusLine(second)).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    @Test
    void aRequestTargetThatIsNoValidPathIsRefusedWithAProblem() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("GET /ogc/collections/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("the request target must be a valid path");
        }
    }

    @Test
    void aRequestTheHttpParserRefusesIsAnsweredWithAProblemToo() throws Exception {
        for (String request : new String[] {
                "NONSENSE\r\n\r\n",
                "GET " + TILE + " HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\n"}) {
            try (Socket socket = connect()) {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(request.substring(0, 8)).startsWith("HTTP/1.1 4")
                        .contains("application/problem+json").contains("\"message_zh\"").contains("\"message_en\"");
            }
        }
    }

    @Test
    void stoppingClosesThePortAndItsIdleConnectionsAndStartingOpensItAgain() throws Exception {
        try (Socket kept = connect()) {
            assertThat(statusLine(kept)).isEqualTo("HTTP/1.1 200 OK");
            int stopped = frontDoor.port();
            frontDoor.stop();
            try {
                assertThat(frontDoor.isRunning()).isFalse();
                assertThat(listening(stopped)).as("port %d after stop", stopped).isFalse();
                // the kept-alive connection was closed once its grace ran out, not left hanging
                kept.setSoTimeout(10_000);
                assertThat(kept.getInputStream().read()).isEqualTo(-1);
            } finally {
                frontDoor.start();
            }
        }
        try (Socket again = connect()) {
            assertThat(statusLine(again)).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    /**
     * Whether something accepts connections on the loopback port. A connection to a closed port in the
     * ephemeral range can succeed by connecting to itself, when the kernel happens to choose that very
     * port as its source: nothing listens then either.
     */
    private static boolean listening(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.getLocalPort() != port;
        } catch (java.net.ConnectException refused) {
            return false;
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), frontDoor.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends a tile request on the connection, keeping it open, and reads the answer's status line and body. */
    private static String statusLine(Socket socket) throws IOException {
        socket.getOutputStream().write(("GET " + TILE + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        String status = readLine(in);
        skipRestOfAnswer(in);
        return status;
    }

    private static void skipRestOfAnswer(InputStream in) throws IOException {
        int length = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}

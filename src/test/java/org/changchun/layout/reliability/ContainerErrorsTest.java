package org.changchun.layout.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors Tomcat answers before the application (oversized request lines and headers, paths that
 * are not valid UTF-8, versions and methods it refuses), those the security firewall refuses, and
 * those that reach the error page are problem documents in Chinese and English like every other
 * error, never Tomcat's or Spring Boot's HTML. Sent over raw sockets: an HTTP client would refuse
 * to send most of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerErrorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @LocalServerPort
    int port;

    @Test
    void oversizedHeadersAndUrlsAreProblemDocuments() throws IOException {
        Raw header = send("GET /api/layers HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(100 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertProblem(header, 400, 431);
        Raw url = send("GET /api/layers?q=" + "a".repeat(20 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertProblem(url, 400, 414);
    }

    @Test
    void pathsThatAreNotUtf8OrThatTheFirewallRefusesAreProblemDocuments() throws IOException {
        for (String path : new String[] {"/api/%C0%AF", "/ogc/collections/%FF", "/ogc/collections/a%2Fb", "/api/%zz"}) {
            assertProblem(get(path, "text/html"), 400);
        }
        Raw doubleSlash = get("/ogc//collections", "text/html");
        assertProblem(doubleSlash, 400);
        assertThat(doubleSlash.json().get("message_en").asString()).contains("\"//\"");
    }

    @Test
    void methodsAndVersionsTomcatRefusesAreProblemDocuments() throws IOException {
        assertProblem(send("TRACE /api/layers HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 405);
        assertProblem(send("GET /api/layers HTTP/2.0\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 505);
        assertProblem(send("GET /api/layers HTTP/1.1\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void theErrorPageAnswersProblemDocumentsWhateverTheClientAccepts() throws IOException {
        assertProblem(get("/error", "text/html"), 404);
        Raw range = send("GET /index.html HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nRange: bytes=99999999-\r\n"
                + "Connection: close\r\n\r\n");
        assertProblem(range, 416);
    }

    private Raw get(String path, String accept) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n");
    }

    private static void assertProblem(Raw answer, int... statuses) {
        assertThat(answer.status()).as(answer.head()).isIn(box(statuses));
        assertThat(answer.head().toLowerCase()).as(answer.head()).contains("content-type: application/problem+json");
        assertThat(answer.body()).as(answer.head()).doesNotContainIgnoringCase("<html").doesNotContain("Exception");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.get("message_zh").asString()).isNotBlank();
        assertThat(problem.get("message_en").asString()).isNotBlank();
        assertThat(problem.get("message").asString()).isEqualTo(problem.get("message_zh").asString() + " / "
                + problem.get("message_en").asString());
    }

    private static Integer[] box(int[] statuses) {
        return java.util.Arrays.stream(statuses).boxed().toArray(Integer[]::new);
    }

    /** Sends the request as written and reads the answer until the server closes the connection. */
    private Raw send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it has read all of an oversized request
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = in.read(buffer)) != -1; ) {
                    answer.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // a reset after the answer: what was read is the answer
            }
            return Raw.of(answer.toString(StandardCharsets.UTF_8));
        }
    }

    private record Raw(int status, String head, String body) {

        static Raw of(String text) {
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("an HTTP answer: " + text).isPositive();
            String head = text.substring(0, end);
            String body = text.substring(end + 4);
            return new Raw(Integer.parseInt(head.substring(9, 12)), head,
                    head.toLowerCase().contains("transfer-encoding: chunked") ? unchunked(body) : body);
        }

        private static String unchunked(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            for (int size; (size = Integer.parseInt(chunked.substring(at, chunked.indexOf("\r\n", at)).trim(), 16)) > 0; ) {
                int start = chunked.indexOf("\r\n", at) + 2;
                // sizes count bytes; the bodies here are UTF-8
                byte[] rest = chunked.substring(start).getBytes(StandardCharsets.UTF_8);
                String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
                body.append(chunk);
                at = start + chunk.length() + 2;
            }
            return body.toString();
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}

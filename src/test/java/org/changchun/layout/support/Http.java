package org.changchun.layout.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for tests against a running service. */
public final class Http {

    /** A response: status, content type, headers and body, with the body parsed as JSON on demand. */
    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers,
                           byte[] bytes) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The body as text, gzip-decoded when the answer says {@code Content-Encoding: gzip}. */
        public String decodedBody() {
            if (!"gzip".equals(header("Content-Encoding"))) {
                return body;
            }
            try (var gzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                return new String(gzip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /**
         * Every header but those of the connection and the message's framing (date, connection,
         * keep-alive, content-length, transfer-encoding): what two servers answering alike still
         * choose each for themselves.
         */
        public java.util.Map<String, java.util.List<String>> headersButFraming() {
            return headersBut("date", "connection", "keep-alive", "content-length", "transfer-encoding");
        }

        /** Every header by its lower-case name, values in the order sent, but those named (in lower case). */
        public java.util.Map<String, java.util.List<String>> headersBut(String... ignored) {
            java.util.Map<String, java.util.List<String>> kept = new java.util.TreeMap<>();
            headers.map().forEach((name, values) -> {
                String lowerCase = name.toLowerCase(java.util.Locale.ROOT);
                if (!java.util.List.of(ignored).contains(lowerCase)) {
                    kept.put(lowerCase, values);
                }
            });
            return kept;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    /**
     * A multipart/form-data POST with one file part named {@code file} and text fields.
     *
     * @param headers name, value, name, value…
     */
    public Response upload(String path, String fileName, byte[] file, java.util.Map<String, String> fields,
                           String... headers) {
        String boundary = "----plan-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(utf8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return execute(builder.build(), "POST", path);
    }

    /** A query parameter's value, percent-encoded. */
    public static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The value of an Authorization header for HTTP Basic. */
    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    /**
     * @param body        null for none
     * @param headers     name, value, name, value…
     */
    public Response send(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return execute(builder.build(), method, path);
    }

    private Response execute(HttpRequest request, String method, String path) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), response.headers(),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

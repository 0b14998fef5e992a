package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Every error the HTTP layer makes is problem+json with its documented type URI (docs/errors.md), including those
 * Vert.x makes before JAX-RS sees the request (unknown paths, body, URI and header limits).
 */
@QuarkusTest
class HttpLayerProblemsTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private static ValidatableResponse problem(ValidatableResponse r, int status, String kind) {
        return r.statusCode(status).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo(ProblemType.BASE + kind))
                .body("status", equalTo(status));
    }

    @Test
    void unknownPathOutsideTheApiIs404() {
        problem(given().when().get("/no-such-thing").then(), 404, "not-found");
    }

    @Test
    void unknownPathInsideTheApiIs404() {
        problem(given().when().get("/api/v1/no-such-thing").then(), 404, "not-found");
    }

    @Test
    void unknownIdIs404() {
        problem(given().when().get("/api/v1/evaluations/no-such-id").then(), 404, "not-found")
                .body("detail", containsString("no-such-id"));
    }

    @Test
    void wrongMethodIs405() {
        problem(given().when().delete("/api/v1/profiles").then(), 405, "method-not-allowed");
    }

    @Test
    void unacceptableAcceptIs406() {
        problem(given().accept("text/csv").when().get("/api/v1/profiles").then(), 406, "not-acceptable");
    }

    @Test
    void bodyNotDeclaredJsonIs415() {
        problem(given().contentType("text/plain").body("hello").when().post("/api/v1/evaluations").then(), 415,
                "unsupported-media-type");
    }

    @Test
    void bodyOverTheLimitIs413() throws IOException {
        // raw socket: the service answers from the declared length and closes, so a client still sending 5 MB
        // would see a broken pipe instead of the answer
        String answer = raw("POST /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (5 * 1024 * 1024) + "\r\n\r\n{");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains(ProblemType.BASE + "body-too-large"), answer);
    }

    @Test
    void uriOverTheLimitIs414() {
        problem(given().when().get("/api/v1/profiles?x=" + "a".repeat(5000)).then(), 414, "uri-too-long");
    }

    @Test
    void headersOverTheLimitIs431() {
        problem(given().header("X-Padding", "a".repeat(20_000)).when().get("/api/v1/profiles").then(), 431,
                "headers-too-large");
    }

    @Test
    void rawSocketSeesTheSameProblemForATooLongUri() throws IOException {
        String answer = raw("GET /api/v1/profiles?x=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 414"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains(ProblemType.BASE + "uri-too-long"), answer);
    }

    /** Sends the text and reads what comes back until the service closes or stays silent for 5 s. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("\"status\":")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // what arrived before the timeout or reset is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyKindHasADistinctDocumentedUri() throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "errors.md"));
        long distinct = java.util.Arrays.stream(ProblemType.values()).map(ProblemType::uri).distinct().count();
        assertEquals(ProblemType.values().length, distinct);
        for (ProblemType type : ProblemType.values()) {
            assertTrue(doc.contains(type.uri()), "docs/errors.md does not document " + type.uri());
        }
    }
}

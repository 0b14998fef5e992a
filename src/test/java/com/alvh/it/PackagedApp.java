package com.alvh.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) run as a child JVM on a free port, with the
 * project root as working directory so that {@code rules/} and {@code strategies/} resolve. Its output goes to a log
 * file (never to a pipe nobody drains). {@link #kill()} sends SIGKILL; {@link #close()} makes sure the child is gone.
 */
public final class PackagedApp implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;
    private final Path dataDir;
    private final HttpClient http;

    private PackagedApp(Process process, int port, Path log, Path dataDir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dataDir = dataDir;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The project root: Maven and exec:java both run with the module directory as working directory. */
    public static Path projectRoot() {
        return Path.of("").toAbsolutePath();
    }

    public static Path jar() {
        Path jar = projectRoot().resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package (verify does) first");
        }
        return jar;
    }

    /**
     * Starts the packaged jar with {@code -Dalvh.data-dir=dataDir}, any further system properties, and a free HTTP
     * port; the child's stdout and stderr are appended to {@code log}.
     */
    public static PackagedApp start(Path dataDir, Map<String, String> properties, Path log) throws IOException {
        return start(jar(), freePort(), dataDir, properties, log);
    }

    /** As {@link #start(Path, Map, Path)} with another build's jar (a side-by-side benchmark) on a given port. */
    public static PackagedApp start(Path jar, int port, Path dataDir, Map<String, String> properties, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dalvh.data-dir=" + dataDir.toAbsolutePath());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command).directory(projectRoot().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new PackagedApp(process, port, log, dataDir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public HttpClient http() {
        return http;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** GET as the first-start admin (see {@link #adminAuthorization()}). */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, adminAuthorization());
    }

    /** GET with the given Authorization header value, or none when null. */
    public HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST a JSON body as the first-start admin. */
    public HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return postJson(path, body, adminAuthorization());
    }

    public HttpResponse<String> postJson(String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code Basic ...} for a user and password. */
    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The password the service wrote on its first start into {@code <data dir>/initial-admin-password}. */
    public String adminPassword() throws IOException {
        return Files.readString(dataDir.resolve("initial-admin-password")).strip();
    }

    /** Basic credentials of the first-start {@code admin} (every role); null before the password file exists. */
    public String adminAuthorization() throws IOException {
        if (!Files.exists(dataDir.resolve("initial-admin-password"))) {
            return null;
        }
        return basic("admin", adminPassword());
    }

    /**
     * Runs {@code java -jar quarkus-run.jar ARGS} (e.g. {@code users add ...}) on a data dir with the given standard
     * input; returns the exit code and the combined output.
     */
    public static Map.Entry<Integer, String> command(Path dataDir, String stdin, String... args)
            throws IOException, InterruptedException {
        return command(dataDir, Map.of(), stdin, args);
    }

    /** As {@link #command(Path, String, String...)} with further system properties (e.g. the database settings). */
    public static Map.Entry<Integer, String> command(Path dataDir, Map<String, String> properties, String stdin,
            String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dalvh.data-dir=" + dataDir.toAbsolutePath());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(projectRoot().toFile()).redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("command " + List.of(args) + " did not finish in 120 s");
        }
        return Map.entry(process.exitValue(), output);
    }

    /** Waits until {@code GET /q/health/ready} answers 200 with top-level {@code "status":"UP"}. */
    public Duration awaitReady(Duration limit) throws IOException, InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(limit);
        String last = "(no answer)";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("application exited with " + process.exitValue() + " before it was ready; "
                        + "log: " + log + "\n" + tail());
            }
            try {
                HttpResponse<String> response = get("/q/health/ready", null);
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    JsonNode status = JSON.readTree(response.body()).get("status");
                    if (status != null && "UP".equals(status.asText())) {
                        return Duration.between(start, Instant.now());
                    }
                }
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready within " + limit + ": " + last + "\n" + tail());
    }

    /**
     * SIGKILL: {@link Process#destroyForcibly()} on Linux sends signal 9 (no shutdown hooks, no H2 close). Returns the
     * exit value, 137 (128 + 9) when the process died of SIGKILL.
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " survived SIGKILL for 30 s");
        }
        return process.exitValue();
    }

    /** Whether the child's log holds {@code text} so far. */
    public boolean logContains(String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of the child's log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

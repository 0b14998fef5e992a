package com.alvh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.alvh.engine.SourceFiles;
import com.alvh.it.PackagedApp;
import com.alvh.strategy.ContentHash;

/**
 * Reload latency as a user sees it: the packaged jar ({@code ./mvnw package} first) runs on a temporary copy of
 * {@code rules/} (scenarios included, so the scenario gate runs as in production) with the production poll interval;
 * a harmless comment is appended to a rule file and the time is taken from the end of the write until
 * {@code GET /api/v1/rulesets/active} shows the version of the files now on disk. Repeated N times (default 10).
 * Run: ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=com.alvh.bench.ReloadLatency -Djmh.args=10
 *
 * <p>Side by side: {@code -Djmh.args="20 base=/tmp/base/quarkus-app new=target/quarkus-app"} starts one service per
 * build (each on its own copy of the rules) and alternates the reloads between them, so both see the same machine.
 * {@code --port=P} puts the services on ports P, P+1... (default: free ports); {@code --debug} turns on the services'
 * debug log ({@code com.alvh}) and keeps the work directory with their logs.
 */
public final class ReloadLatency {

    private static final String CHANGED_FILE = "signals.drl";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private ReloadLatency() {
    }

    /** One service under test: its build, its rules copy, and what it has shown so far. */
    private static final class Subject {
        final String name;
        final Path rules;
        final PackagedApp app;
        final List<Long> millis = new ArrayList<>();
        String active;

        Subject(String name, Path rules, PackagedApp app) {
            this.name = name;
            this.rules = rules;
            this.app = app;
        }
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Map<String, Path> builds = new LinkedHashMap<>();
        boolean debug = false;
        Integer firstPort = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--debug")) {
                debug = true;
            } else if (args[i].startsWith("--port=")) {
                firstPort = Integer.valueOf(args[i].substring("--port=".length()));
            } else {
                String[] nameAndDir = args[i].split("=", 2);
                builds.put(nameAndDir[0], PackagedApp.projectRoot().resolve(nameAndDir[1]).resolve("quarkus-run.jar"));
            }
        }
        if (builds.isEmpty()) {
            builds.put("this build", PackagedApp.jar());
        }
        Path work = Files.createTempDirectory("alvh-reload-latency-");
        List<Subject> subjects = new ArrayList<>();
        try {
            int k = 0;
            for (var build : builds.entrySet()) {
                Path dir = Files.createDirectories(work.resolve("app" + k));
                Path rules = dir.resolve("rules");
                copyTree(PackagedApp.projectRoot().resolve("rules"), rules);
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("alvh.rules-dir", rules.toString());
                if (debug) {
                    properties.put("quarkus.log.category.\"com.alvh\".level", "DEBUG");
                }
                int port = firstPort == null ? freePort() : firstPort + k;
                PackagedApp app = PackagedApp.start(build.getValue(), port, Files.createDirectories(dir.resolve("data")),
                        properties, dir.resolve("app.log"));
                subjects.add(new Subject(build.getKey(), rules, app));
                k++;
            }
            for (Subject s : subjects) {
                Duration ready = s.app.awaitReady(Duration.ofSeconds(180));
                System.out.printf("%s: ready in %d ms (pid %d, port %d, rules in %s)%n", s.name, ready.toMillis(),
                        s.app.pid(), s.app.port(), s.rules);
                s.active = activeVersion(s.app);
                if (!s.active.equals(ContentHash.ofFiles(SourceFiles.drl(s.rules)))) {
                    throw new IllegalStateException("active version " + s.active + " is not that of " + s.rules);
                }
            }
            System.out.println("load average at start: " + loadAverage());
            for (int i = 1; i <= repeats; i++) {
                for (Subject s : subjects) {
                    long ms = reload(s, i);
                    s.millis.add(ms);
                    System.out.printf("reload %2d %-10s %5d ms   (load %s)%n", i, s.name, ms, loadAverage());
                }
            }
            System.out.println("load average at end: " + loadAverage());
        } catch (Exception | Error e) {
            System.out.println("work directory kept for inspection (log, data, rules copy): " + work);
            throw e;
        } finally {
            subjects.forEach(s -> s.app.close());
        }
        if (debug) {
            System.out.println("work directory kept (service logs in app*/app.log): " + work);
        } else {
            deleteRecursively(work);
        }
        for (Subject s : subjects) {
            List<Long> sorted = new ArrayList<>(s.millis);
            Collections.sort(sorted);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
            System.out.printf("%s: write -> new version active, %d reloads: min %d ms, median %.0f ms, max %d ms%n",
                    s.name, n, sorted.get(0), median, sorted.get(n - 1));
        }
    }

    /** Appends a comment to a rule file; the time until the service shows the version now on disk. */
    private static long reload(Subject s, int i) throws IOException, InterruptedException {
        Files.writeString(s.rules.resolve(CHANGED_FILE), "\n// reload latency probe " + i + "\n",
                StandardOpenOption.APPEND);
        long written = System.nanoTime();
        String expected = ContentHash.ofFiles(SourceFiles.drl(s.rules));
        long deadline = written + LIMIT.toNanos();
        String seen = s.active;
        while (!seen.equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(s.name + ": version " + expected + " not active after " + LIMIT
                        + "; still " + seen + "\n" + s.app.tail());
            }
            Thread.sleep(5);
            seen = activeVersion(s.app);
        }
        s.active = seen;
        return (System.nanoTime() - written) / 1_000_000;
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String activeVersion(PackagedApp app) throws IOException, InterruptedException {
        var response = app.get("/api/v1/rulesets/active");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/rulesets/active answered " + response.statusCode());
        }
        var version = PackagedApp.JSON.readTree(response.body()).get("version");
        return version == null || version.isNull() ? "" : version.asText();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}

package com.alvh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * Run: ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.alvh.bench.ReloadLatency -Dexec.args=10
 */
public final class ReloadLatency {

    private static final String CHANGED_FILE = "signals.drl";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private ReloadLatency() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path work = Files.createTempDirectory("alvh-reload-latency-");
        Path rules = work.resolve("rules");
        copyTree(PackagedApp.projectRoot().resolve("rules"), rules);
        Path data = Files.createDirectories(work.resolve("data"));
        Path log = work.resolve("app.log");
        List<Long> millis = new ArrayList<>();
        try (PackagedApp app = PackagedApp.start(data, Map.of("alvh.rules-dir", rules.toString()), log)) {
            Duration ready = app.awaitReady(Duration.ofSeconds(120));
            System.out.printf("packaged app ready in %d ms (pid %d, port %d, rules in %s)%n", ready.toMillis(), app.pid(),
                    app.port(), rules);
            String before = activeVersion(app);
            if (!before.equals(ContentHash.ofFiles(SourceFiles.drl(rules)))) {
                throw new IllegalStateException("active version " + before + " is not that of " + rules);
            }
            for (int i = 1; i <= repeats; i++) {
                Files.writeString(rules.resolve(CHANGED_FILE), "\n// reload latency probe " + i + "\n",
                        StandardOpenOption.APPEND);
                long written = System.nanoTime();
                String expected = ContentHash.ofFiles(SourceFiles.drl(rules));
                long deadline = written + LIMIT.toNanos();
                String seen = before;
                while (!seen.equals(expected)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("version " + expected + " not active after " + LIMIT
                                + "; still " + seen + "\n" + app.tail());
                    }
                    Thread.sleep(5);
                    seen = activeVersion(app);
                }
                long ms = (System.nanoTime() - written) / 1_000_000;
                millis.add(ms);
                System.out.printf("reload %2d: %d ms%n", i, ms);
                before = seen;
            }
        } catch (Exception | Error e) {
            System.out.println("work directory kept for inspection (log, data, rules copy): " + work);
            throw e;
        }
        deleteRecursively(work);
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        System.out.printf("write -> new version active, %d reloads: min %d ms, median %.0f ms, max %d ms%n", n,
                sorted.get(0), median, sorted.get(n - 1));
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

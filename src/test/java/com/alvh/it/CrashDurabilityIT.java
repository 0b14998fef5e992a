package com.alvh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recorded before answered, checked across a crash: the packaged service answers evaluations from 4 client threads,
 * is killed with SIGKILL mid-load, restarted on the same H2 data directory, and every evaluation that was answered
 * 200 before the kill must be found again, with an intact hash chain.
 */
class CrashDurabilityIT {

    private static final int THREADS = 4;
    private static final Duration LOAD = Duration.ofSeconds(3);
    private static final List<PackagedApp> STARTED = new ArrayList<>();

    @AfterAll
    static void killChildren() {
        STARTED.forEach(PackagedApp::close);
    }

    @Test
    void everyAnsweredEvaluationSurvivesSigkill() throws Exception {
        Path work = Files.createTempDirectory("alvh-crash-");
        Path dataDir = Files.createDirectories(work.resolve("data"));
        Path log = work.resolve("app.log");
        List<String> requests = examples();

        PackagedApp first = started(PackagedApp.start(dataDir, Map.of(), log));
        first.awaitReady(Duration.ofSeconds(240));

        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicLong failedBeforeKill = new AtomicLong();
        AtomicLong otherStatus = new AtomicLong();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t;
            Thread client = new Thread(() -> {
                for (int i = offset; !stop.get(); i++) {
                    try {
                        HttpResponse<String> response = first.postJson("/api/v1/evaluations",
                                requests.get(i % requests.size()));
                        if (response.statusCode() == 200) {
                            answered.add(PackagedApp.JSON.readTree(response.body()).get("evaluationId").asText());
                        } else {
                            otherStatus.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // expected once the process is killed: the connection resets or is refused
                        if (!killed.get()) {
                            failedBeforeKill.incrementAndGet();
                        }
                        if (killed.get()) {
                            return;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "crash-client-" + t);
            client.start();
            clients.add(client);
        }
        Thread.sleep(LOAD.toMillis());
        // Snapshot before the kill is unnecessary: an id is only added on a 200, and a 200 cannot arrive after death.
        killed.set(true);
        int exit = first.kill();
        stop.set(true);
        for (Thread client : clients) {
            client.join(60_000);
        }
        assertEquals(137, exit, "the child must die of SIGKILL (exit 128 + 9)");
        assertEquals(0, failedBeforeKill.get(), "requests failed before the kill; log " + log);
        assertEquals(0, otherStatus.get(), "non-200 answers under load; log " + log);
        int count = answered.size();
        assertTrue(count > 0, "no evaluation was answered before the kill");

        PackagedApp second = started(PackagedApp.start(dataDir, Map.of(), log));
        second.awaitReady(Duration.ofSeconds(240));
        List<String> missing = new ArrayList<>();
        for (String id : answered) {
            HttpResponse<String> found = second.get("/api/v1/evaluations/" + id);
            if (found.statusCode() != 200) {
                missing.add(id + " -> " + found.statusCode());
            }
        }
        JsonNode verify = PackagedApp.JSON.readTree(second.get("/api/v1/audit/verify").body());
        System.out.printf("CrashDurabilityIT: %d evaluations answered 200 before SIGKILL, %d found after restart, "
                + "chain valid=%s with %d records%n", count, count - missing.size(), verify.get("valid"),
                verify.get("records").asLong());
        second.close();

        assertTrue(missing.isEmpty(), missing.size() + " of " + count + " answered evaluations lost, e.g. "
                + missing.subList(0, Math.min(5, missing.size())));
        assertTrue(verify.get("valid").asBoolean(), "chain broken after the crash: " + verify);
        assertTrue(verify.get("records").asLong() >= count, "fewer records than answers: " + verify);
        deleteRecursively(work);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static PackagedApp started(PackagedApp app) {
        STARTED.add(app);
        return app;
    }

    private static List<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(PackagedApp.projectRoot().resolve("examples"))) {
            List<String> bodies = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                bodies.add(Files.readString(file));
            }
            return bodies;
        }
    }
}

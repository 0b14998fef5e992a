package com.alvh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Three replicas of the packaged jar over one fresh PostgreSQL database (issue 14), run by the Maven profile
 * {@code with-postgres} (on in CI), which names the server in {@code alvh.test.postgres-url}. Under concurrent
 * evaluations sent to all three, a new rule-set version is activated through the first replica and the third is
 * killed with SIGKILL; then every acknowledged evaluation is stored exactly once, the one chain verifies, every
 * answer names a version that was activated, and the surviving replicas switched within 2 s. On the way: the three
 * first starts created one admin between them, and a user added once with the users command signs in everywhere.
 */
@EnabledIfSystemProperty(named = "alvh.test.postgres-url", matches = ".+")
class ClusterIT {

    private static final int REPLICAS = 3;
    /** The bound on how long a replica may answer with the previous version after an activation. */
    private static final Duration SWITCH_BOUND = Duration.ofSeconds(2);
    private static final List<AutoCloseable> OPEN = new ArrayList<>();

    @AfterAll
    static void stopEverything() throws Exception {
        for (int i = OPEN.size() - 1; i >= 0; i--) {
            OPEN.get(i).close();
        }
    }

    @Test
    void threeReplicasShareOneChainOneActiveVersionAndTheirUsers() throws Exception {
        ScratchDatabase db = ScratchDatabase.create(System.getProperty("alvh.test.postgres-url"),
                System.getProperty("alvh.test.postgres-user", "postgres"), "alvh_cluster_it");
        OPEN.add(db);
        Path work = Files.createTempDirectory("alvh-cluster-");
        List<PackagedApp> replicas = startReplicas(work, db);

        // one first-start admin between three replicas that started together on an empty database
        List<Path> passwordFiles = new ArrayList<>();
        for (int i = 0; i < REPLICAS; i++) {
            Path file = work.resolve("data-" + i).resolve("initial-admin-password");
            if (Files.exists(file)) {
                passwordFiles.add(file);
            }
        }
        assertEquals(1, passwordFiles.size(), "initial admin password files: " + passwordFiles);
        var added = PackagedApp.command(work.resolve("cli"), db.replicaProperties(), "desk-password\n", "users", "add",
                "desk", "--roles", "client,strategist", "--password-stdin");
        assertEquals(0, added.getKey(), added.getValue());
        var listed = PackagedApp.command(work.resolve("cli"), db.replicaProperties(), "", "users", "list");
        assertEquals(List.of("admin\tclient,auditor,strategist,operator", "desk\tclient,strategist"),
                listed.getValue().lines().filter(l -> l.contains("\t")).toList(), listed.getValue());
        String desk = PackagedApp.basic("desk", "desk-password");
        for (PackagedApp replica : replicas) {
            assertEquals(200, replica.get("/api/v1/rulesets/active", desk).statusCode(), "desk on " + replica.port());
        }

        String before = activeVersion(replicas.get(0), desk);
        String candidate = storeCandidate(replicas.get(0), desk, before);
        awaitPrepared(replicas.subList(1, REPLICAS), candidate);
        String request = Files.readString(PackagedApp.projectRoot().resolve("examples/cpi-next-day.json"));
        EvaluationLoad load = new EvaluationLoad(replicas, desk, request, REPLICAS);
        OPEN.add(load);
        awaitAnswers(load, List.of(0, 1, 2), Long.MIN_VALUE, 3);

        HttpResponse<String> activated = slowPost(replicas.get(0), "/api/v1/rulesets/" + candidate + "/activate", "", desk);
        assertEquals(200, activated.statusCode(), activated.body());
        long activatedAt = System.nanoTime();
        Map<Integer, Duration> switched = awaitVersion(replicas, desk, candidate, activatedAt);

        awaitAnswers(load, List.of(2), activatedAt, 1);
        assertEquals(137, replicas.get(2).kill(), "SIGKILL exit status");
        awaitAnswers(load, List.of(0, 1), System.nanoTime(), 2);
        load.close();

        List<EvaluationLoad.Answer> answers = load.answers();
        for (int i = 0; i < REPLICAS; i++) {
            int replica = i;
            assertTrue(answers.stream().anyMatch(a -> a.replica() == replica), "no answer from replica " + i);
        }
        for (Map.Entry<Integer, Duration> s : switched.entrySet()) {
            assertTrue(s.getValue().compareTo(SWITCH_BOUND) <= 0,
                    "replica " + s.getKey() + " switched after " + s.getValue() + "; all: " + switched);
        }

        Set<String> everActivated = activations(replicas.get(0), desk);
        assertEquals(Set.of(before, candidate), everActivated);
        Map<String, Long> byVersion = answers.stream()
                .collect(Collectors.groupingBy(EvaluationLoad.Answer::ruleSetVersion, Collectors.counting()));
        assertTrue(everActivated.containsAll(byVersion.keySet()), "answers by version " + byVersion);
        assertTrue(byVersion.getOrDefault(candidate, 0L) > 0, "no answer from the new version: " + byVersion);
        // a request sent after every replica switched is answered by the new version (one sent before keeps the rule
        // set it started with, however long it then waits for CPU)
        long allSwitched = activatedAt + switched.values().stream().max(Duration::compareTo).orElseThrow().toNanos();
        assertTrue(answers.stream().filter(a -> a.sentAtNanos() > allSwitched)
                .allMatch(a -> a.ruleSetVersion().equals(candidate)), "an old-version answer after the switch");

        System.out.printf("ClusterIT: %d acknowledged answers by version %s, by replica %s; not acknowledged %s;"
                + " switched after %s%n", answers.size(), byVersion, answers.stream().collect(
                        Collectors.groupingBy(EvaluationLoad.Answer::replica, Collectors.counting())),
                load.notAcknowledged(), switched);
        assertStoredOnce(db, answers);
        HttpResponse<String> verify = replicas.get(0).get("/api/v1/audit/verify", replicas.get(0).adminAuthorization()
                == null ? adminOf(replicas, passwordFiles.get(0)) : replicas.get(0).adminAuthorization());
        JsonNode verification = PackagedApp.JSON.readTree(verify.body());
        assertEquals(200, verify.statusCode(), verify.body());
        assertTrue(verification.get("valid").asBoolean(), verify.body());
        assertEquals(storedRecords(db), verification.get("records").asLong(), verify.body());
    }

    private static List<PackagedApp> startReplicas(Path work, ScratchDatabase db) throws Exception {
        List<PackagedApp> replicas = new ArrayList<>();
        for (int i = 0; i < REPLICAS; i++) {
            PackagedApp app = PackagedApp.start(work.resolve("data-" + i), db.replicaProperties(),
                    work.resolve("replica-" + i + ".log"));
            OPEN.add(app);
            replicas.add(app);
        }
        List<CompletableFuture<Duration>> ready = replicas.stream().map(r -> CompletableFuture.supplyAsync(() -> {
            try {
                return r.awaitReady(Duration.ofSeconds(180));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        ready.forEach(CompletableFuture::join);
        return replicas;
    }

    private static String activeVersion(PackagedApp replica, String authorization) throws Exception {
        HttpResponse<String> active = replica.get("/api/v1/rulesets/active", authorization);
        assertEquals(200, active.statusCode(), active.body());
        return PackagedApp.JSON.readTree(active.body()).get("version").asText();
    }

    /** The active version's files with a comment added to one: a new version that decides exactly as before. */
    private static String storeCandidate(PackagedApp replica, String authorization, String active) throws Exception {
        HttpResponse<String> stored = replica.get("/api/v1/rulesets/" + active, authorization);
        ObjectNode files = (ObjectNode) PackagedApp.JSON.readTree(stored.body()).get("files");
        String first = files.fieldNames().next();
        files.put(first, files.get(first).asText() + "\n// cluster test: activated mid-load\n");
        ObjectNode body = PackagedApp.JSON.createObjectNode();
        body.set("files", files);
        HttpResponse<String> candidate = slowPost(replica, "/api/v1/rulesets/candidates", body.toString(), authorization);
        assertEquals(200, candidate.statusCode(), candidate.body());
        JsonNode answer = PackagedApp.JSON.readTree(candidate.body());
        assertEquals(0, answer.get("scenarioFailures").size(), candidate.body());
        String version = answer.get("version").asText();
        assertNotEquals(active, version);
        return version;
    }

    /**
     * Waits (at most 2 minutes: the machine may be starved) until each of {@code replicas} has acknowledged
     * {@code count} evaluations after {@code sinceNanos}, so the steps happen under load however slow it is.
     */
    private static void awaitAnswers(EvaluationLoad load, List<Integer> replicas, long sinceNanos, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && !replicas.stream().allMatch(r -> load.answers().stream()
                .filter(a -> a.replica() == r && a.sentAtNanos() > sinceNanos).count() >= count)) {
            Thread.sleep(50);
        }
    }

    /** The other replicas compile a gate-passing candidate as soon as it is stored (its prepare notice). */
    private static void awaitPrepared(List<PackagedApp> replicas, String version) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String line = "Rule set " + version + " compiled ahead of its activation";
        while (!replicas.stream().allMatch(r -> r.logContains(line)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        for (PackagedApp r : replicas) {
            assertTrue(r.logContains(line), "replica on " + r.port() + " did not prepare " + version + "\n" + r.tail());
        }
    }

    /** A POST that runs the scenario gate: seconds on a shared, loaded machine, so a longer wait than usual. */
    private static HttpResponse<String> slowPost(PackagedApp replica, String path, String body, String authorization)
            throws Exception {
        return replica.http().send(java.net.http.HttpRequest.newBuilder(replica.uri(path))
                .timeout(Duration.ofMinutes(3)).header("Content-Type", "application/json")
                .header("Authorization", authorization).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls every replica's active version until all name {@code version}; how long each took after activation. */
    private static Map<Integer, Duration> awaitVersion(List<PackagedApp> replicas, String authorization, String version,
            long since) throws Exception {
        Map<Integer, Duration> switched = new HashMap<>();
        long deadline = since + Duration.ofSeconds(30).toNanos();
        while (switched.size() < replicas.size() && System.nanoTime() < deadline) {
            for (int i = 0; i < replicas.size(); i++) {
                if (!switched.containsKey(i) && version.equals(activeVersion(replicas.get(i), authorization))) {
                    switched.put(i, Duration.ofNanos(System.nanoTime() - since));
                }
            }
            Thread.sleep(20);
        }
        assertEquals(replicas.size(), switched.size(), "replicas on " + version + " after 30 s: " + switched);
        return switched;
    }

    private static Set<String> activations(PackagedApp replica, String authorization) throws Exception {
        HttpResponse<String> response = replica.get("/api/v1/rulesets/activations", authorization);
        assertEquals(200, response.statusCode(), response.body());
        Set<String> versions = new HashSet<>();
        PackagedApp.JSON.readTree(response.body()).forEach(e -> versions.add(e.get("version").asText()));
        return versions;
    }

    /** Each acknowledged evaluation id is in the chain exactly once, and no id is in it twice. */
    private static void assertStoredOnce(ScratchDatabase db, List<EvaluationLoad.Answer> answers) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT evaluation_id, COUNT(*) FROM evaluation GROUP BY evaluation_id")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertTrue(stored.values().stream().allMatch(n -> n == 1), "an evaluation id stored twice");
        List<String> missing = answers.stream().map(EvaluationLoad.Answer::evaluationId)
                .filter(id -> !stored.containsKey(id)).toList();
        assertEquals(List.of(), missing, "acknowledged but not stored");
        assertEquals(answers.size(), answers.stream().map(EvaluationLoad.Answer::evaluationId).distinct().count());
    }

    private static long storedRecords(ScratchDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM evaluation")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String adminOf(List<PackagedApp> replicas, Path passwordFile) throws Exception {
        return PackagedApp.basic("admin", Files.readString(passwordFile).strip());
    }
}

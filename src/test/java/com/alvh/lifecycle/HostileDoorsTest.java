package com.alvh.lifecycle;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import com.alvh.strategy.ContentHash;
import com.alvh.testing.TestDirs;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The door test for the hostile corpus: every {@code src/test/resources/hostile/*.drl} (whatever is there), added to the
 * shipped rules, is tried through validate, candidate, dry run and impact over HTTP and as a file dropped into the
 * rules directory. Each must be refused, or stopped with a located error or the rule named, with no side effect: no
 * marker file written, no process left behind, the serving version unchanged, the audit chain still valid, and the
 * service answering and ready afterwards. Also: the poller contains Errors, a half-written file is never served, excess
 * candidate jobs get 503 with Retry-After, and readiness reports a stopped poller.
 */
@QuarkusTest
@TestProfile(HostileDoorsTest.PrivateRules.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileDoorsTest {

    /**
     * The files tried through every door in the suite: one of each kind (refused at compile time by the bytecode
     * verifier, stopped at the deadline, contained) and of the tricks the issue names. Each door that compiles or
     * runs a candidate starts a fresh JVM, so the whole corpus through every door takes several minutes; it runs with
     * {@code -Dhostile.corpus=all} (README, "Benchmarks and long runs"). HostileRulesTest compiles and runs the
     * whole corpus in the suite.
     */
    static final Set<String> SUITE_SUBSET = Set.of("class-forname-concat.drl", "unicode-escape.drl", "cdi-arc.drl",
            "consequence-while-true.drl", "constraint-loop.drl", "function-recursion.drl", "huge-allocation.drl");

    enum Door { VALIDATE, CANDIDATE, DRY_RUN, IMPACT, FILE_DROP }

    private static final Path CORPUS = Path.of("src/test/resources/hostile");
    private static final Duration RELOAD_LIMIT = Duration.ofSeconds(120);
    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    /** A private copy of rules/ and strategies/, a fresh audit database, one candidate process at a time. */
    public static class PrivateRules implements QuarkusTestProfile {
        static Path rules;

        @Override
        public synchronized Map<String, String> getConfigOverrides() {
            try {
                if (rules == null) {
                    rules = Files.createTempDirectory("alvh-hostile-rules");
                    TestDirs.copyTree(Path.of("rules"), rules);
                }
                Path strategies = Files.createTempDirectory("alvh-hostile-strategies");
                TestDirs.copyTree(Path.of("strategies"), strategies);
                return Map.of("alvh.rules-dir", rules.toString(), "alvh.strategies-dir", strategies.toString(),
                        "alvh.data-dir", Files.createTempDirectory("alvh-hostile-data").toString(),
                        "alvh.isolation.max-concurrent", "1", "alvh.isolation.rule-cpu-time", "PT1S",
                        "alvh.isolation.wall-time", "PT180S");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    SourceWatcher watcher;

    private String servingVersion;

    @BeforeEach
    void serviceIsReadyWithRecordedEvaluations() throws IOException {
        awaitReady();
        servingVersion = active().getString("version");
        if (given().get("/api/v1/evaluations?limit=1").jsonPath().getList("items").isEmpty()) {
            for (String example : List.of("calm-two-layers", "cpi-next-day", "backwardation-near-put")) {
                evaluate(withMetric(Files.readString(Path.of("examples", example + ".json")))).then().statusCode(200);
            }
        }
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyHostileFileIsStoppedAtEveryDoorWithoutSideEffects() throws IOException {
        List<Path> corpus;
        try (Stream<Path> files = Files.list(CORPUS)) {
            corpus = files.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        String chosen = System.getProperty("hostile.corpus", "");
        if (!chosen.equals("all")) {
            // the suite's subset, or the files named (-Dhostile.corpus=a.drl,b.drl)
            Set<String> names = chosen.isBlank() ? SUITE_SUBSET : Set.of(chosen.split(","));
            corpus = corpus.stream().filter(p -> names.contains(p.getFileName().toString())).toList();
            assertEquals(names.size(), corpus.size(), "every file named is in the corpus: " + names);
        }
        assertFalse(corpus.isEmpty(), "no hostile files in " + CORPUS);
        return corpus.stream().flatMap(file -> Stream.of(Door.values()).map(door ->
                DynamicTest.dynamicTest(file.getFileName() + " via " + door, () -> tryThrough(file, door))));
    }

    private void tryThrough(Path file, Door door) throws Exception {
        String name = file.getFileName().toString();
        // the corpus aims its files, sockets and commands at /tmp/alvh-hostile; here at a fresh directory per try
        Path markers = Files.createTempDirectory("alvh-hostile-markers");
        String source = Files.readString(file).replace("/tmp/alvh-hostile", markers.toString());
        Hostile hostile = new Hostile("hostile_" + name, source, !source.contains("\n// expect: refused"), rulesOf(source));
        long childrenBefore = ProcessHandle.current().descendants().count();

        switch (door) {
            case VALIDATE -> validate(hostile);
            case CANDIDATE -> candidate(hostile);
            case DRY_RUN -> dryRun(hostile);
            case IMPACT -> impact(hostile);
            case FILE_DROP -> fileDrop(hostile);
        }

        try (Stream<Path> written = Files.list(markers)) {
            assertEquals(List.of(), written.toList(), name + " via " + door + " wrote a marker file");
        }
        assertEquals(servingVersion, active().getString("version"), "the serving rule set changed");
        assertTrue(given().get("/api/v1/audit/verify").jsonPath().getBoolean("valid"), "the audit chain no longer verifies");
        awaitNoMoreChildren(childrenBefore);
        awaitReady();
        evaluate(Files.readString(Path.of("examples", "cpi-next-day.json"))).then().statusCode(200);
    }

    private record Hostile(String fileName, String source, boolean runtimeOnly, List<String> rules) {

        Map<String, String> withShippedRules() {
            Map<String, String> files = new TreeMap<>();
            for (String shipped : List.of("signals.drl", "layering.drl", "guards.drl", "sizing.drl")) {
                files.put(shipped, read(Path.of("rules", shipped)));
            }
            files.put(fileName, source);
            return files;
        }

        /** An error located in this file (with a line), or one that names one of its rules. */
        boolean locates(String file, int line, String message) {
            return (fileName.equals(file) && line >= 1) || rules.stream().anyMatch(r -> message != null && message.contains(r));
        }
    }

    private void validate(Hostile h) {
        JsonPath answer = given().contentType(ContentType.JSON).body(Map.of("files", h.withShippedRules()))
                .post("/api/v1/rulesets/validate").then().statusCode(200).extract().jsonPath();
        if (answer.getBoolean("valid")) {
            assertTrue(h.runtimeOnly(), h.fileName() + " compiles, but only runtime-only tricks may pass validation");
            return;
        }
        assertLocated(h, answer.getList("errors", Map.class), "file", "message");
    }

    private void candidate(Hostile h) {
        Response response = given().contentType(ContentType.JSON).body(Map.of("files", h.withShippedRules()))
                .post("/api/v1/rulesets/candidates");
        if (response.statusCode() == 200) {
            List<Map> failures = response.jsonPath().getList("scenarioFailures", Map.class);
            assertFalse(failures.isEmpty(), "stored without a scenario failure: " + response.asString());
            assertTrue(failures.stream().anyMatch(f -> h.rules().stream().anyMatch(r -> String.valueOf(f.get("message")).contains(r))),
                    "scenario failures do not name the hostile rule: " + response.asString());
            return;
        }
        assertEquals(422, response.statusCode(), response.asString());
        assertProblemLocated(h, response);
    }

    private void dryRun(Hostile h) throws IOException {
        String version = ContentHash.ofFiles(h.withShippedRules());
        boolean stored = given().get("/api/v1/rulesets/" + version).statusCode() == 200;
        String body = withMetric(Files.readString(Path.of("examples", "backwardation-near-put.json")))
                .replaceFirst("\\{", "{\"ruleSetVersion\": \"" + version + "\",");
        Response response = evaluate(body);
        assertEquals(422, response.statusCode(), response.asString());
        if (stored) {
            String rule = response.jsonPath().getString("rule");
            assertTrue((rule != null && h.rules().contains(rule)) || located(h, response),
                    "a stored hostile candidate's dry run must name the rule: " + response.asString());
        }
    }

    private void impact(Hostile h) {
        String version = ContentHash.ofFiles(h.withShippedRules());
        boolean stored = given().get("/api/v1/rulesets/" + version).statusCode() == 200;
        Response response = given().contentType(ContentType.JSON).body(Map.of("limit", 20))
                .post("/api/v1/rulesets/" + version + "/impact");
        if (!stored) {
            assertEquals(422, response.statusCode(), response.asString());
            return;
        }
        if (response.statusCode() == 422) {
            assertProblemLocated(h, response);
            return;
        }
        assertEquals(200, response.statusCode(), response.asString());
        JsonPath impact = response.jsonPath();
        assertTrue(impact.getInt("failed") >= 1 && impact.getInt("evaluated") == 0, impact.prettify());
        List<Map> failures = impact.getList("failures", Map.class);
        assertTrue(failures.stream().allMatch(f -> h.rules().contains(String.valueOf(f.get("rule")))
                || h.rules().stream().anyMatch(r -> String.valueOf(f.get("message")).contains(r))), impact.prettify());
    }

    private void fileDrop(Hostile h) throws Exception {
        Path dropped = PrivateRules.rules.resolve(h.fileName());
        Files.writeString(dropped, h.source());
        try {
            JsonPath refused = awaitActive(a -> a.get("lastError") != null);
            assertEquals(servingVersion, refused.getString("version"));
            assertLocated(h, refused.getList("lastError.errors", Map.class), "file", "message");
        } finally {
            Files.delete(dropped);
        }
        awaitActive(a -> a.get("lastError") == null && servingVersion.equals(a.getString("version")));
    }

    @Test
    @Order(2)
    void anErrorThrownThroughTheGateIsContainedCountedAndThePollerKeepsPolling() throws Exception {
        Path dropped = PrivateRules.rules.resolve("hostile_function-recursion.drl");
        Files.writeString(dropped, Files.readString(CORPUS.resolve("function-recursion.drl")));
        try {
            JsonPath refused = awaitActive(a -> a.get("lastError") != null);
            assertTrue(refused.getString("lastError.errors[0].message").contains("StackOverflowError"), refused.prettify());
        } finally {
            Files.delete(dropped);
        }
        awaitActive(a -> a.get("lastError") == null && servingVersion.equals(a.getString("version")));
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("alvh_reload_failures_total{reason=\"StackOverflowError\""), "no StackOverflowError counted");
        // still polling: a harmless new file goes live and its removal restores the version
        Path extra = PrivateRules.rules.resolve("extra_note.drl");
        Files.writeString(extra, "package alvh.extra;\n\nimport com.alvh.strategy.Profile;\n\n"
                + "rule \"Extra: note the profile\"\n    salience -200\nwhen\n    Profile()\nthen\nend\n");
        try {
            awaitActive(a -> a.getList("files").contains("extra_note.drl"));
        } finally {
            Files.delete(extra);
        }
        awaitActive(a -> servingVersion.equals(a.getString("version")));
        awaitReady();
    }

    @Test
    @Order(3)
    void aFileWrittenInTwoHalvesIsNeverServedHalfWritten() throws Exception {
        String whole = "package alvh.extra;\n\nimport com.alvh.strategy.Profile;\n\n"
                + "rule \"Extra: a rule saved in two writes\"\n    salience -200\nwhen\n    Profile()\nthen\nend\n";
        String firstHalf = whole.substring(0, whole.indexOf("when"));
        Map<String, String> halfState = new TreeMap<>(currentFiles());
        halfState.put("extra_two_halves.drl", firstHalf);
        String halfVersion = ContentHash.ofFiles(halfState);
        List<String> seenVersions = new CopyOnWriteArrayList<>();
        List<String> seenErrors = new CopyOnWriteArrayList<>();
        Thread observer = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                JsonPath a = active();
                seenVersions.add(a.getString("version"));
                if (a.get("lastError") != null) {
                    seenErrors.add(a.getString("lastError.errors[0].message"));
                }
            }
        });
        observer.start();
        Path file = PrivateRules.rules.resolve("extra_two_halves.drl");
        try {
            Files.writeString(file, firstHalf);
            Thread.sleep(150); // longer than one poll (100 ms in tests)
            Files.writeString(file, whole);
            JsonPath live = awaitActive(a -> a.getList("files").contains("extra_two_halves.drl"));
            assertTrue(live.get("lastError") == null);
        } finally {
            observer.interrupt();
            observer.join();
            Files.delete(file);
        }
        assertFalse(seenVersions.contains(halfVersion), "the half-written state was served");
        System.out.println("two-halves write: " + seenVersions.size() + " observations, lastError seen "
                + seenErrors.size() + " times (errors of a state are held back " + SourceWatcher.ERROR_SETTLE_POLLS + " polls)");
        awaitActive(a -> servingVersion.equals(a.getString("version")));
    }

    @Test
    @Order(4)
    void excessCandidateJobsGet503WithRetryAfterInsteadOfWaiting() throws Exception {
        Map<String, Object> body = Map.of("files", Map.of("a.drl", read(Path.of("rules", "signals.drl"))));
        List<Response> answers = new CopyOnWriteArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> answers.add(given().contentType(ContentType.JSON).body(body)
                    .post("/api/v1/rulesets/validate")));
            clients.add(t);
            t.start();
        }
        for (Thread t : clients) {
            t.join(Duration.ofMinutes(5).toMillis());
        }
        assertEquals(3, answers.size());
        List<Response> busy = answers.stream().filter(r -> r.statusCode() == 503).toList();
        assertFalse(busy.isEmpty(), "with one slot, three simultaneous validations cannot all run");
        assertTrue(answers.stream().anyMatch(r -> r.statusCode() == 200));
        for (Response r : busy) {
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertTrue(Integer.parseInt(r.header("Retry-After")) >= 1);
        }
    }

    @Test
    @Order(5)
    void readinessReportsAPollerThatStopped() {
        watcher.stopPolling();
        JsonPath ready = given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
        assertTrue(ready.getString("checks.find { it.name == 'rules-and-profiles' }.data.reason").contains("poller stopped"),
                ready.prettify());
    }

    private void assertLocated(Hostile h, List<Map> errors, String fileKey, String messageKey) {
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> h.locates(String.valueOf(e.get(fileKey)),
                        e.get("line") == null ? 0 : ((Number) e.get("line")).intValue(), String.valueOf(e.get(messageKey)))),
                "no error located in " + h.fileName() + " or naming its rule: " + errors);
    }

    private void assertProblemLocated(Hostile h, Response response) {
        assertTrue(response.contentType().startsWith("application/problem+json"));
        assertTrue(located(h, response), "not located: " + response.asString());
    }

    private boolean located(Hostile h, Response response) {
        List<Map> violations = response.jsonPath().getList("violations", Map.class);
        return violations != null && violations.stream().anyMatch(v -> {
            String field = String.valueOf(v.get("field"));
            String message = String.valueOf(v.get("message"));
            return (field.equals("files." + h.fileName()) && message.matches("line [1-9].*"))
                    || h.rules().stream().anyMatch(message::contains);
        });
    }

    private static List<String> rulesOf(String source) {
        List<String> names = new ArrayList<>();
        Matcher m = RULE_NAME.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Map<String, String> currentFiles() {
        return com.alvh.engine.SourceFiles.drl(PrivateRules.rules);
    }

    /** The corpus' rules match a Metric fact (as in HostileRulesTest): requests carry one, so every door runs them. */
    private static String withMetric(String request) {
        if (request.contains("\"metrics\"")) {
            return request;
        }
        String market = "\"market\": {";
        assertTrue(request.contains(market), "an example with a market section");
        return request.replaceFirst(Pattern.quote(market), Matcher.quoteReplacement(market + " \"metrics\": {\"hostile\": 1.0},"));
    }

    private static Response evaluate(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations");
    }

    private static JsonPath active() {
        return given().get("/api/v1/rulesets/active").jsonPath();
    }

    private static JsonPath awaitActive(Predicate<JsonPath> expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(RELOAD_LIMIT);
        JsonPath last = active();
        while (!expected.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("/api/v1/rulesets/active did not reach the expected state: " + last.prettify());
            }
            Thread.sleep(50);
            last = active();
        }
        return last;
    }

    private static void awaitReady() {
        Instant deadline = Instant.now().plus(RELOAD_LIMIT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            Response r = given().get("/q/health/ready");
            last = r.asString();
            if (r.statusCode() == 200) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("not ready: " + last);
    }

    private static void awaitNoMoreChildren(long before) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (ProcessHandle.current().descendants().count() > before && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        assertTrue(ProcessHandle.current().descendants().count() <= before, "a process was left behind: "
                + ProcessHandle.current().descendants().map(p -> p.info().commandLine().orElse("?")).toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

package com.alvh.lifecycle;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.alvh.engine.SourceFiles;
import com.alvh.strategy.ContentHash;
import com.alvh.testing.TestDirs;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Edits saved in several steps become one version: with change notices on, the rules directory is read only once it
 * has been quiet for the quiet period, and polls leave a noticed change to it. The quiet period here is one second,
 * far longer than the pauses between the writes below (and than a poll), so that even a loaded machine cannot split
 * one save into two versions; the production default is 0.1 s.
 */
@QuarkusTest
@TestProfile(ReloadSettlingTest.QuietSecond.class)
class ReloadSettlingTest {

    // a wait, not a timing assertion (see RuleLifecycleTest)
    private static final Duration RELOAD_LIMIT = Duration.ofSeconds(120);
    private static final String RULE = "package alvh.extra;\n\nimport com.alvh.strategy.Profile;\n\n"
            + "rule \"Extra: %s\"\n    salience -200\nwhen\n    Profile()\nthen\nend\n";

    /** A private copy of rules/ and strategies/, notices on, a quiet period of one second. */
    public static class QuietSecond implements QuarkusTestProfile {
        static Path rules;
        static Path strategies;

        @Override
        public synchronized Map<String, String> getConfigOverrides() {
            try {
                if (rules == null) {
                    rules = Files.createTempDirectory("alvh-settling-rules");
                    TestDirs.copyTree(Path.of("rules"), rules);
                    strategies = Files.createTempDirectory("alvh-settling-strategies");
                    TestDirs.copyTree(Path.of("strategies"), strategies);
                }
                return Map.of("alvh.rules-dir", rules.toString(), "alvh.strategies-dir", strategies.toString(),
                        "alvh.data-dir", Files.createTempDirectory("alvh-settling-data").toString(),
                        "alvh.reload-events", "true", "alvh.reload-quiet-period", "PT1S");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    MeterRegistry meters;
    @Inject
    ProfileRegistry profiles;
    @Inject
    SourceWatcher watcher;

    private String original;
    private final List<Path> added = new java.util.ArrayList<>();

    @BeforeEach
    void startFromTheShippedRules() throws InterruptedException {
        await(watcher::started);
        original = awaitActive(a -> a.getString("version") != null && a.get("lastError") == null).getString("version");
    }

    @AfterEach
    void removeWhatWasAdded() throws Exception {
        for (Path p : added) {
            Files.deleteIfExists(p);
        }
        awaitActive(a -> original.equals(a.getString("version")));
    }

    @Test
    void aFileWrittenInTwoStepsWithinTheQuietPeriodGivesOneVersion() throws Exception {
        String whole = RULE.formatted("saved in two writes");
        String firstHalf = whole.substring(0, whole.indexOf("when"));
        Path file = add("extra_two_steps.drl");
        double reloads = reloads();
        double refusals = refusals();

        Files.writeString(file, firstHalf);
        Thread.sleep(250); // more than two polls (0.1 s in tests): polling alone would have compiled the half
        Files.writeString(file, whole);

        JsonPath live = awaitActive(a -> a.getList("files").contains("extra_two_steps.drl"));
        assertEquals(ContentHash.ofFiles(SourceFiles.drl(QuietSecond.rules)), live.getString("version"));
        assertNull(live.get("lastError"));
        await(() -> reloads() > reloads); // counted just after the swap
        assertEquals(reloads + 1, reloads(), "one version activated");
        assertEquals(refusals, refusals(), "the half-written state was neither served nor reported");
    }

    @Test
    void aBurstOfSavesOfSeveralFilesGivesOneVersion() throws Exception {
        double reloads = reloads();
        double refusals = refusals();
        Map<String, String> before = new TreeMap<>(SourceFiles.drl(QuietSecond.rules));

        // each file compiles on its own, so a version could be made after any of them: only the last state may serve
        for (String name : List.of("one", "two", "three")) {
            Files.writeString(add("extra_burst_" + name + ".drl"), RULE.formatted("burst " + name));
            Thread.sleep(150);
        }
        Files.writeString(add("extra_burst_one.drl"), RULE.formatted("burst one, saved again"));

        JsonPath live = awaitActive(a -> !original.equals(a.getString("version")));
        Map<String, String> now = SourceFiles.drl(QuietSecond.rules);
        assertEquals(ContentHash.ofFiles(now), live.getString("version"));
        assertEquals(before.size() + 3, now.size());
        assertTrue(live.getList("rules.name").contains("Extra: burst one, saved again"), live.prettify());
        await(() -> reloads() > reloads);
        assertEquals(reloads + 1, reloads(), "one version activated for the whole burst");
        assertEquals(refusals, refusals());
    }

    @Test
    void aChangeOfAProfileIsTakenOnceQuietToo() throws Exception {
        // the strategies directory is followed the same way; a comment changes the profile's version, not its meaning
        Path balanced = QuietSecond.strategies.resolve("balanced.yaml");
        String text = Files.readString(balanced);
        String version = balancedVersion();
        try {
            Files.writeString(balanced, text + "\n# noted by ReloadSettlingTest\n");
            await(() -> !version.equals(balancedVersion()));
        } finally {
            Files.writeString(balanced, text);
        }
        await(() -> version.equals(balancedVersion()));
    }

    private Path add(String name) {
        Path p = QuietSecond.rules.resolve(name);
        added.add(p);
        return p;
    }

    private double reloads() {
        return meters.counter("alvh.ruleset.reloads").count();
    }

    private double refusals() {
        return meters.counter("alvh.ruleset.reload.failures").count();
    }

    private String balancedVersion() {
        return profiles.find("balanced").orElseThrow().profile().version();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(RELOAD_LIMIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the expected state was not reached");
            }
            Thread.sleep(50);
        }
    }

    static JsonPath awaitActive(Predicate<JsonPath> expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(RELOAD_LIMIT);
        JsonPath last = given().get("/api/v1/rulesets/active").jsonPath();
        while (!expected.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("/api/v1/rulesets/active did not reach the expected state: " + last.prettify());
            }
            Thread.sleep(50);
            last = given().get("/api/v1/rulesets/active").jsonPath();
        }
        return last;
    }
}

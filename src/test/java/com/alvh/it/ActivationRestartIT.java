package com.alvh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import com.alvh.testing.TestDirs;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The single machine (embedded H2): a rule-set or profile version activated through the API is still served after a
 * restart, and an edit of the rules directory or of the profile's file made while the service was down wins at the
 * next start (docs/cluster.md).
 */
class ActivationRestartIT {

    private static final String EDIT = "// edited while the service was down";

    @Test
    void aRestartKeepsTheActivatedVersionUnlessTheRulesDirectoryChanged() throws Exception {
        Path work = Files.createTempDirectory("alvh-restart-");
        Path rules = work.resolve("rules");
        TestDirs.copyTree(PackagedApp.projectRoot().resolve("rules"), rules);
        Path data = work.resolve("data");
        Map<String, String> properties = Map.of("alvh.rules-dir", rules.toString());

        String shipped;
        String activated;
        try (PackagedApp app = PackagedApp.start(data, properties, work.resolve("app.log"))) {
            app.awaitReady(Duration.ofSeconds(240));
            shipped = active(app);
            ObjectNode files = (ObjectNode) PackagedApp.JSON.readTree(app.get("/api/v1/rulesets/" + shipped).body())
                    .get("files");
            files.put("sizing.drl", files.get("sizing.drl").asText() + "\n// activated before a restart\n");
            ObjectNode body = PackagedApp.JSON.createObjectNode();
            body.set("files", files);
            HttpResponse<String> candidate = app.postJson("/api/v1/rulesets/candidates", body.toString());
            assertEquals(200, candidate.statusCode(), candidate.body());
            activated = PackagedApp.JSON.readTree(candidate.body()).get("version").asText();
            HttpResponse<String> activation = app.postJson("/api/v1/rulesets/" + activated + "/activate", "");
            assertEquals(200, activation.statusCode(), activation.body());
            assertEquals(activated, active(app));
        }

        try (PackagedApp app = PackagedApp.start(data, properties, work.resolve("app.log"))) {
            app.awaitReady(Duration.ofSeconds(240));
            assertEquals(activated, active(app), "the activation did not survive the restart\n" + app.tail());
        }

        Files.writeString(rules.resolve("signals.drl"), "\n" + EDIT + "\n", StandardOpenOption.APPEND);
        try (PackagedApp app = PackagedApp.start(data, properties, work.resolve("app.log"))) {
            app.awaitReady(Duration.ofSeconds(240));
            String now = active(app);
            assertNotEquals(activated, now);
            assertNotEquals(shipped, now);
            JsonNode served = PackagedApp.JSON.readTree(app.get("/api/v1/rulesets/" + now).body()).get("files");
            assertTrue(served.get("signals.drl").asText().contains(EDIT), "the directory's edit is not served");
        }
    }

    @Test
    void aRestartKeepsTheActivatedProfileVersionUnlessItsFileChanged() throws Exception {
        Path work = Files.createTempDirectory("alvh-restart-profile-");
        Path strategies = work.resolve("strategies");
        TestDirs.copyTree(PackagedApp.projectRoot().resolve("strategies"), strategies);
        Path balanced = strategies.resolve("balanced.yaml");
        Path data = work.resolve("data");
        Map<String, String> properties = Map.of("alvh.strategies-dir", strategies.toString());

        String first;
        try (PackagedApp app = PackagedApp.start(data, properties, work.resolve("app.log"))) {
            app.awaitReady(Duration.ofSeconds(240));
            first = loadedProfile(app);
            Files.writeString(balanced, "\n# a second version, loaded from the file\n", StandardOpenOption.APPEND);
            String second = awaitLoadedProfileOtherThan(app, first);
            HttpResponse<String> rollback = app.postJson("/api/v1/profiles/balanced/versions/" + first + "/activate", "");
            assertEquals(200, rollback.statusCode(), rollback.body());
            assertEquals(first, loadedProfile(app));
            assertNotEquals(first, second);
        }

        try (PackagedApp app = PackagedApp.start(data, properties, work.resolve("app.log"))) {
            app.awaitReady(Duration.ofSeconds(240));
            assertEquals(first, loadedProfile(app), "the profile activation did not survive the restart\n" + app.tail());
        }

        Files.writeString(balanced, "\n# edited while the service was down\n", StandardOpenOption.APPEND);
        try (PackagedApp app = PackagedApp.start(data, properties, work.resolve("app.log"))) {
            app.awaitReady(Duration.ofSeconds(240));
            String now = loadedProfile(app);
            assertNotEquals(first, now, "the file edited while the service was down does not serve");
            HttpResponse<String> source = app.get("/api/v1/profiles/balanced/versions/" + now);
            assertTrue(source.body().contains("edited while the service was down"), source.body());
        }
    }

    /** The version of {@code balanced} that serves, as the version list marks it. */
    private static String loadedProfile(PackagedApp app) throws Exception {
        HttpResponse<String> response = app.get("/api/v1/profiles/balanced/versions");
        assertEquals(200, response.statusCode(), response.body());
        for (JsonNode v : PackagedApp.JSON.readTree(response.body())) {
            if (v.get("loaded").asBoolean()) {
                return v.get("version").asText();
            }
        }
        throw new AssertionError("no loaded version of balanced in " + response.body());
    }

    private static String awaitLoadedProfileOtherThan(PackagedApp app, String version) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            String now = loadedProfile(app);
            if (!now.equals(version)) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the edited profile file was not loaded within 60 s\n" + app.tail());
    }

    private static String active(PackagedApp app) throws Exception {
        HttpResponse<String> response = app.get("/api/v1/rulesets/active");
        assertEquals(200, response.statusCode(), response.body());
        return PackagedApp.JSON.readTree(response.body()).get("version").asText();
    }

}

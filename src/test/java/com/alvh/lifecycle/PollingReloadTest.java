package com.alvh.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alvh.engine.SourceFiles;
import com.alvh.strategy.ContentHash;
import com.alvh.testing.TestDirs;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** With change notices off (alvh.reload-events=false) the directories are polled as before: edits still go live. */
@QuarkusTest
@TestProfile(PollingReloadTest.PollingOnly.class)
class PollingReloadTest {

    /** A private copy of rules/, notices off. */
    public static class PollingOnly implements QuarkusTestProfile {
        static Path rules;

        @Override
        public synchronized Map<String, String> getConfigOverrides() {
            try {
                if (rules == null) {
                    rules = Files.createTempDirectory("alvh-polling-rules");
                    TestDirs.copyTree(Path.of("rules"), rules);
                }
                return Map.of("alvh.rules-dir", rules.toString(), "alvh.reload-events", "false",
                        "alvh.data-dir", Files.createTempDirectory("alvh-polling-data").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aNewFileGoesLiveAndItsRemovalRestoresTheVersion() throws Exception {
        String original = ReloadSettlingTest.awaitActive(a -> a.getString("version") != null && a.get("lastError") == null)
                .getString("version");
        Path file = PollingOnly.rules.resolve("extra_polled.drl");
        Files.writeString(file, "package alvh.extra;\n\nimport com.alvh.strategy.Profile;\n\n"
                + "rule \"Extra: found by polling\"\n    salience -200\nwhen\n    Profile()\nthen\nend\n");
        try {
            JsonPath live = ReloadSettlingTest.awaitActive(a -> a.getList("files").contains("extra_polled.drl"));
            assertEquals(ContentHash.ofFiles(SourceFiles.drl(PollingOnly.rules)), live.getString("version"));
            assertNull(live.get("lastError"));
        } finally {
            Files.delete(file);
        }
        ReloadSettlingTest.awaitActive(a -> original.equals(a.getString("version")));
    }
}

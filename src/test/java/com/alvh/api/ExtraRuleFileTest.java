package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** A strategist adds a rule file on a free-form metric; the service loads it with the shipped ones and uses it. */
@QuarkusTest
@TestProfile(ExtraRuleFileTest.WithExtraRuleFile.class)
class ExtraRuleFileTest {

    static final String RULE = "Flag a rich P/E ratio";

    /** The shipped rules plus extra.drl in a fresh directory, and a fresh audit database. */
    public static class WithExtraRuleFile implements QuarkusTestProfile {

        private static Map<String, String> overrides;

        @Override
        public synchronized Map<String, String> getConfigOverrides() {
            if (overrides == null) {
                overrides = Map.of("alvh.rules-dir", rulesDir().toString(),
                        "alvh.data-dir", tempDir("alvh-extra-data").toString());
            }
            return overrides;
        }

        private static Path rulesDir() {
            Path dir = tempDir("alvh-extra-rules");
            try (DirectoryStream<Path> shipped = Files.newDirectoryStream(Path.of("rules"), "*.drl")) {
                for (Path file : shipped) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
                Files.writeString(dir.resolve("extra.drl"), """
                        package alvh.rules;

                        import com.alvh.market.Metric;
                        import com.alvh.hedge.Signal;

                        rule "%s"
                        when
                            Metric(name == "peRatio", value > 20)
                        then
                            insert(new Signal("RICH_VALUATION", 24.3, 20.0, "P/E above 20"));
                        end
                        """.formatted(RULE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return dir.toAbsolutePath();
        }

        private static Path tempDir(String prefix) {
            try {
                Path dir = Files.createTempDirectory(prefix);
                dir.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void loadsTheExtraFileWithTheShippedOnes() {
        given().when().get("/api/v1/rulesets/active").then().statusCode(200)
                .body("files", org.hamcrest.Matchers.hasItem("extra.drl"))
                .body("rules.find { it.name == '" + RULE + "' }.file", org.hamcrest.Matchers.equalTo("extra.drl"));
    }

    @Test
    void firesTheExtraRuleOnARichPeRatio() throws IOException {
        ObjectNode request = Examples.tree("cpi-next-day");
        ((ObjectNode) request.get("market")).putObject("metrics").put("peRatio", 24.3);
        String body = given().contentType(ContentType.JSON).body(Examples.write(request))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().asString();
        JsonNode answer = Examples.JSON.readTree(body);

        JsonNode firing = null;
        for (JsonNode f : answer.get("firings")) {
            if (f.get("rule").asText().equals(RULE)) {
                firing = f;
            }
        }
        assertTrue(firing != null, "no firing of '" + RULE + "' in " + answer.get("firings"));
        assertEquals("extra.drl", firing.get("ruleFile").asText());
        JsonNode metric = firing.get("matched").get(0);
        assertEquals("Metric", metric.get("type").asText());
        assertEquals("peRatio", metric.at("/fields/name").asText());
        assertEquals(24.3, metric.at("/fields/value").asDouble(), 1e-9);

        JsonNode signal = null;
        for (JsonNode s : answer.get("signals")) {
            if (s.get("name").asText().equals("RICH_VALUATION")) {
                signal = s;
            }
        }
        assertTrue(signal != null, "no RICH_VALUATION signal in " + answer.get("signals"));
        assertTrue(signal.get("active").asBoolean());
        assertEquals(24.3, signal.get("value").asDouble(), 1e-9);
        assertEquals(20.0, signal.get("threshold").asDouble(), 1e-9);
        assertEquals("P/E above 20", signal.get("text").asText());
        assertEquals(RULE, signal.get("rule").asText());
        // the extra signal is additional: the decision of the scenario is unchanged
        assertEquals("HOLD", answer.at("/decision/actions/0/type").asText());
    }

    @Test
    void doesNotFireOnAModestPeRatio() throws IOException {
        ObjectNode request = Examples.tree("cpi-next-day");
        ((ObjectNode) request.get("market")).putObject("metrics").put("peRatio", 18.0);
        String body = given().contentType(ContentType.JSON).body(Examples.write(request))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().asString();
        JsonNode answer = Examples.JSON.readTree(body);
        for (JsonNode f : answer.get("firings")) {
            assertTrue(!f.get("rule").asText().equals(RULE), "fired on P/E 18: " + f);
        }
        for (JsonNode s : answer.get("signals")) {
            assertTrue(!s.get("name").asText().equals("RICH_VALUATION"), "signal on P/E 18: " + s);
        }
    }
}

package com.alvh.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The profile JSON Schema kept in the repository is the one the service generates and publishes; every shipped
 * profile passes it under a real draft 2020-12 validator; and the schema and the parser agree on bad profiles.
 */
class ProfileJsonSchemaTest {

    private static final Path FILE = Path.of("strategies", "profile.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theRepositoryFileIsTheGeneratedSchema() throws IOException {
        // Through text, so numbers compare as JSON numbers whatever Java type built them.
        JsonNode generated = JSON.readTree(JSON.writeValueAsString(ProfileJsonSchema.document()));
        if (Boolean.getBoolean("alvh.write-schema")) {
            Files.writeString(FILE, JSON.writeValueAsString(JSON.treeToValue(generated, Object.class)) + "\n");
        }
        assertTrue(Files.isRegularFile(FILE), FILE + " is missing; write it with -Dalvh.write-schema=true");
        assertTrue(generated.equals(JSON.readTree(FILE.toFile())),
                FILE + " differs from ProfileJsonSchema; regenerate it: ./mvnw -o test -Dtest=ProfileJsonSchemaTest -Dalvh.write-schema=true");
    }

    @Test
    void everyShippedProfilePassesTheSchema() throws IOException {
        List<Path> profiles;
        try (Stream<Path> files = Files.list(Path.of("strategies"))) {
            profiles = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(profiles.isEmpty());
        for (Path profile : profiles) {
            assertEquals(Set.of(), validate(Files.readString(profile)), profile.toString());
        }
    }

    @Test
    void aProfileWithTypedParametersPassesBoth() throws IOException {
        String yaml = balanced() + """
                parameters:
                  vixSpikePct: {type: number, min: 0, max: 200, default: 25, description: VIX rise over five days}
                  spikeDays: {type: integer, min: 1, max: 20, default: 5}
                  spikeRuleOn: {type: boolean, default: true}
                  spikeNote: {type: string, default: watch the spike}
                  spikeMode: {type: enum, values: [strict, loose], default: loose}
                requiredInputs: [vixRsi14]
                """;
        assertEquals(Set.of(), validate(yaml));
        Profile p = ProfileParser.parse("p", "p.yaml", yaml);
        assertEquals(25.0, p.number("vixSpikePct"));
        assertEquals(5, p.integer("spikeDays"));
        assertEquals(5.0, p.number("spikeDays"), "an integer reads as a number too");
        assertTrue(p.flag("spikeRuleOn"));
        assertEquals("loose", p.text("spikeMode"));
        assertEquals("watch the spike", p.text("spikeNote"));
        var e = assertThrows(IllegalArgumentException.class, () -> p.number("nope"));
        assertTrue(e.getMessage().contains("declares no parameter 'nope'"), e.getMessage());
    }

    /** Each bad profile: the YAML change, and the field the parser must name. */
    private record Bad(String yaml, String field) {
    }

    @Test
    void theSchemaAndTheParserRefuseTheSameBadProfiles() throws IOException {
        List<Bad> bads = List.of(
                new Bad(balanced().replace("calmVixMax: 16", "calmVixMax: 160"), "signals.calmVixMax"),
                new Bad(balanced().replace("cooldownDays: 5", "cooldownDays: 2.5"), "layering.cooldownDays"),
                new Bad(balanced().replace("  calmVixMax: 16", "  calmVixMax: 16\n  myThreshold: 3"), "signals.myThreshold"),
                new Bad(balanced() + "myThreshold: 3\n", "myThreshold"),
                new Bad(balanced() + "requiredInputs: [breadth, sentiment]\n", "requiredInputs[1]"),
                new Bad(balanced() + "parameters:\n  x: {type: float, default: 1}\n", "parameters.x.type"),
                new Bad(balanced() + "parameters:\n  x: {type: enum, default: a}\n", "parameters.x.values"),
                new Bad(balanced() + "parameters:\n  x: {type: number}\n", "parameters.x.default"),
                new Bad(balanced() + "parameters:\n  x: {type: integer, default: 1.5}\n", "parameters.x.default"),
                new Bad(balanced() + "parameters:\n  x: {type: boolean, default: true, min: 0}\n", "parameters.x.min"),
                new Bad(balanced() + "parameters:\n  x: {type: number, default: 1, unit: pct}\n", "parameters.x.unit"),
                new Bad(balanced() + "parameters:\n  maxRatio: {type: number, default: 1}\n", "parameters.maxRatio"),
                new Bad(balanced() + "parameters:\n  9lives: {type: number, default: 1}\n", "parameters.9lives"));
        for (Bad bad : bads) {
            assertFalse(validate(bad.yaml()).isEmpty(), "the schema accepts what the parser refuses at " + bad.field());
            var e = assertThrows(InvalidProfileException.class, () -> ProfileParser.parse("bad", "bad.yaml", bad.yaml()),
                    bad.field());
            assertEquals(bad.field(), e.errors().get(0).field(), e.errors().toString());
            assertTrue(e.errors().get(0).line() > 1, "located on its line: " + e.errors());
        }
    }

    @Test
    void aDefaultOutOfItsOwnRangeIsRefusedByTheParserWithItsLine() throws IOException {
        String yaml = balanced() + "parameters:\n  vixSpikePct:\n    type: number\n    min: 0\n    max: 200\n    default: 250\n";
        var e = assertThrows(InvalidProfileException.class, () -> ProfileParser.parse("bad", "bad.yaml", yaml));
        ProfileError error = e.errors().get(0);
        assertEquals("parameters.vixSpikePct.default", error.field());
        assertEquals(yaml.lines().toList().indexOf("    default: 250") + 1, error.line());
        assertTrue(error.message().contains("between 0.0 and 200.0"), error.message());
    }

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(FILE.toFile()));
        Object tree = new Yaml().load(yaml);
        return schema.validate(JSON.valueToTree(tree));
    }

    private static String balanced() throws IOException {
        return Files.readString(Path.of("strategies", "balanced.yaml"));
    }
}

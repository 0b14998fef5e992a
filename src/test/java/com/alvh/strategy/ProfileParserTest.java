package com.alvh.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileParserTest {

    private static String balanced() throws IOException {
        return Files.readString(Path.of("strategies/balanced.yaml"));
    }

    @Test
    void loadsEveryShippedProfile() throws IOException {
        for (String name : List.of("conservative", "balanced", "aggressive")) {
            Profile p = ProfileParser.parse(name, name + ".yaml", Files.readString(Path.of("strategies", name + ".yaml")));
            assertEquals(name, p.name());
            assertTrue(p.version().matches("sha256:[0-9a-f]{64}"));
            assertTrue(List.of("FOMC", "CPI", "PPI").containsAll(p.eventTypes()), p.eventTypes().toString());
            assertTrue(p.hasParameter("proximityCushionUsedPct"), "the shipped rules read it");
        }
    }

    @Test
    void readsBalancedValues() throws IOException {
        Profile p = ProfileParser.parse("balanced", "balanced.yaml", balanced());
        assertEquals(0.5, p.trancheIncrement());
        assertEquals(75.0, p.number("proximityCushionUsedPct"));
        assertEquals(1.0, p.proximitySigma());
        assertEquals(2, p.eventWindowDays());
        assertEquals(0.85, p.betaOfMaturity(0));
        assertEquals(0.37, p.betaOfMaturity(40), "maturities past the list use the last β");
    }

    @Test
    void versionIsTheSha256OfTheSource() throws IOException {
        String source = balanced();
        Profile a = ProfileParser.parse("balanced", "balanced.yaml", source);
        Profile b = ProfileParser.parse("balanced", "balanced.yaml", source + "\n# a comment\n");
        assertNotEquals(a.version(), b.version());
        // sha256 of the empty string, a published constant, checks the hash function and its encoding
        assertEquals("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.of(""));
    }

    @Test
    void rejectsOutOfRangeValueWithFieldLineAndColumn() throws IOException {
        String source = balanced().replace("proximitySigma: 1.0", "proximitySigma: -3");
        var e = assertThrows(InvalidProfileException.class, () -> ProfileParser.parse("balanced", "balanced.yaml", source));
        ProfileError error = e.errors().get(0);
        assertEquals("balanced.yaml", error.file());
        assertEquals("signals.proximitySigma", error.field());
        assertEquals(lineOf(source, "proximitySigma"), error.line());
        assertEquals(19, error.column(), "column of the value after 'proximitySigma: '");
        assertTrue(error.message().contains("between 0.0 and 10.0"), error.message());
    }

    @Test
    void rejectsTextWhereANumberBelongs() throws IOException {
        String source = balanced().replace("calmVixMax: 16", "calmVixMax: sixteen");
        var e = assertThrows(InvalidProfileException.class, () -> ProfileParser.parse("balanced", "balanced.yaml", source));
        assertEquals("signals.calmVixMax", e.errors().get(0).field());
        assertEquals(lineOf(source, "calmVixMax"), e.errors().get(0).line());
    }

    @Test
    void rejectsUnknownKeyAndNamesIt() throws IOException {
        String source = balanced().replace("  cooldownDays: 5", "  cooldownDayz: 5");
        var e = assertThrows(InvalidProfileException.class, () -> ProfileParser.parse("balanced", "balanced.yaml", source));
        assertEquals("layering.cooldownDayz", e.errors().get(0).field());
        assertEquals(lineOf(source, "cooldownDayz"), e.errors().get(0).line());
    }

    @Test
    void rejectsMissingKey() throws IOException {
        String source = balanced().replaceAll("(?m)^  rollWindowDays: 7$", "");
        var e = assertThrows(InvalidProfileException.class, () -> ProfileParser.parse("balanced", "balanced.yaml", source));
        assertEquals("layering.rollWindowDays", e.errors().get(0).field());
        assertEquals("is required", e.errors().get(0).message());
    }

    @Test
    void rejectsBrokenYamlWithItsLine() {
        String source = "signals:\n  calmVixMax: [1, 2\nlayering: {}\n";
        var e = assertThrows(InvalidProfileException.class, () -> ProfileParser.parse("x", "x.yaml", source));
        assertEquals("(syntax)", e.errors().get(0).field());
        assertTrue(e.errors().get(0).line() >= 2);
    }

    @Test
    void rejectsFloorAboveMax() throws IOException {
        String source = balanced().replace("floorRatio: 0.0", "floorRatio: 0.75").replace("maxRatio: 1.0", "maxRatio: 0.5");
        var e = assertThrows(InvalidProfileException.class, () -> ProfileParser.parse("balanced", "balanced.yaml", source));
        assertEquals("layering.floorRatio", e.errors().get(0).field());
    }

    @Test
    void aBrokenFileKeepsItsLastGoodVersionAndOthersStillLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("balanced.yaml"), balanced());
        Files.writeString(dir.resolve("aggressive.yaml"), Files.readString(Path.of("strategies/aggressive.yaml")));
        ProfileCatalog first = ProfileCatalog.load(dir, ProfileCatalog.empty());
        String goodVersion = first.find("balanced").orElseThrow().profile().version();

        Files.writeString(dir.resolve("balanced.yaml"), balanced().replace("maxRatio: 1.0", "maxRatio: lots"));
        ProfileCatalog second = ProfileCatalog.load(dir, first);

        assertEquals(goodVersion, second.find("balanced").orElseThrow().profile().version());
        assertTrue(second.find("aggressive").isPresent());
        assertEquals("layering.maxRatio", second.errors().get(0).field());
    }

    private static int lineOf(String source, String key) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(key)) {
                return i + 1;
            }
        }
        throw new AssertionError(key + " not in source");
    }
}

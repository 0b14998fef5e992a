package com.alvh.research;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The machine-readable files of a sweep run, which {@code sweep-merge} reads back: {@code sweep.json} (the sweep, how
 * many variants it has, which shard ran) and {@code variants.jsonl} (one finished variant per line, appended as each
 * finishes, so a long run keeps nothing but metrics in memory and a stopped run keeps what it finished).
 */
public final class SweepFiles {

    static final String HEADER = "sweep.json";
    static final String VARIANTS = "variants.jsonl";
    /**
     * NaN and infinities (a Sharpe ratio of a flat run, return ÷ drawdown without drawdown) as strings. Maps written
     * here must iterate in a fixed order (no Map.of / Map.copyOf, whose order changes from one JVM to the next), so
     * that the same sweep gives the same files however and wherever its shards ran.
     */
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature(), true);

    /** What a run directory says about itself. */
    public record Header(SweepSpec spec, int variants, Shard shard) {
    }

    private SweepFiles() {
    }

    /** A map of the given keys and values that iterates in that order (nulls allowed). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static void writeHeader(Path dir, Header header) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("spec", header.spec());
        json.put("variants", header.variants());
        json.put("shard", header.shard().toString());
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(HEADER).toFile(), json);
    }

    public static Header readHeader(Path dir) throws IOException {
        try {
            JsonNode node = JSON.readTree(dir.resolve(HEADER).toFile());
            return new Header(JSON.treeToValue(node.get("spec"), SweepSpec.class), node.get("variants").asInt(),
                    Shard.parse(node.get("shard").asText()));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(dir + " is not a sweep output directory (no " + HEADER + ")");
        }
    }

    /** The spec exactly as written, to tell whether two shards ran the same sweep. */
    static JsonNode specNode(Path dir) throws IOException {
        return JSON.readTree(dir.resolve(HEADER).toFile()).get("spec");
    }

    static BufferedWriter openVariants(Path dir) throws IOException {
        return Files.newBufferedWriter(dir.resolve(VARIANTS));
    }

    static void append(BufferedWriter out, VariantResult v) throws IOException {
        out.write(JSON.writeValueAsString(v));
        out.write('\n');
        out.flush();
    }

    public static List<VariantResult> readVariants(Path dir) throws IOException {
        List<VariantResult> out = new ArrayList<>();
        int line = 0;
        try (BufferedReader in = Files.newBufferedReader(dir.resolve(VARIANTS))) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (!text.isBlank()) {
                    try {
                        out.add(JSON.readValue(text, VariantResult.class));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalArgumentException(dir.resolve(VARIANTS) + ":" + line + ": not a variant: "
                                + e.getOriginalMessage(), e);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(dir + " has no " + VARIANTS);
        }
        return out;
    }

    static void writeJson(Path file, Object value) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

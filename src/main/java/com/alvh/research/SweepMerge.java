package com.alvh.research;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Merges the output directories of the shards of one sweep into the results of the whole: the same sweep in every
 * shard, every variant exactly once, then ranked, PBO and the deflated Sharpe ratio computed over all of them, as if
 * the sweep had run in one process.
 */
public final class SweepMerge {

    private SweepMerge() {
    }

    public static SweepResults.Summary merge(List<Path> shards, Path out) throws IOException {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("name at least one shard directory");
        }
        for (Path dir : shards) {
            if (dir.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--out must not be one of the shard directories: " + dir);
            }
        }
        SweepFiles.Header first = SweepFiles.readHeader(shards.get(0));
        JsonNode spec = SweepFiles.specNode(shards.get(0));
        List<VariantResult> variants = new ArrayList<>();
        BitSet seen = new BitSet(first.variants());
        for (Path dir : shards) {
            SweepFiles.Header header = SweepFiles.readHeader(dir);
            if (!SweepFiles.specNode(dir).equals(spec) || header.variants() != first.variants()) {
                throw new IllegalArgumentException(dir + " ran a different sweep than " + shards.get(0));
            }
            for (VariantResult v : SweepFiles.readVariants(dir)) {
                if (v.id() < 0 || v.id() >= first.variants()) {
                    throw new IllegalArgumentException(dir + ": variant " + v.id() + " is not in the sweep");
                }
                if (seen.get(v.id())) {
                    throw new IllegalArgumentException(dir + ": variant " + v.id() + " is in more than one shard");
                }
                seen.set(v.id());
                variants.add(v);
            }
        }
        if (seen.cardinality() != first.variants()) {
            throw new IllegalArgumentException("the shards hold " + seen.cardinality() + " of " + first.variants()
                    + " variants; first missing: " + seen.nextClearBit(0) + " (a shard not given, or not finished)");
        }
        Files.createDirectories(out);
        SweepFiles.writeHeader(out, new SweepFiles.Header(first.spec(), first.variants(), Shard.ALL));
        try (var jsonl = SweepFiles.openVariants(out)) {
            for (VariantResult v : variants.stream().sorted(java.util.Comparator.comparingInt(VariantResult::id)).toList()) {
                SweepFiles.append(jsonl, v);
            }
        }
        return SweepResults.finish(first.spec(), variants, out);
    }
}

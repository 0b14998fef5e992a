package com.alvh.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.alvh.backtest.BacktestConfig;
import com.alvh.backtest.GeneratedMarket;
import com.alvh.backtest.MarketHistory;
import com.alvh.testing.ShippedRules;

class ShardedSweepTest {

    @TempDir
    Path dir;

    @Test
    void theShardsOfASweepHoldEveryVariantExactlyOnce() {
        for (int count = 1; count <= 7; count++) {
            int[] owners = new int[23];
            for (int shard = 0; shard < count; shard++) {
                Shard s = new Shard(shard, count);
                for (int v = 0; v < owners.length; v++) {
                    owners[v] += s.contains(v) ? 1 : 0;
                }
            }
            assertTrue(IntStream.of(owners).allMatch(o -> o == 1), count + " shards");
        }
        assertEquals(new Shard(2, 5), Shard.parse(" 2/5 "));
        for (String bad : List.of("5/5", "-1/3", "1", "a/b", "1/0")) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
    }

    @Test
    void mergingTheShardsGivesTheSameResultsAsOneRun() throws Exception {
        MarketHistory market = GeneratedMarket.history(300);
        SweepSpec spec = SweepSpec.of(new org.yaml.snakeyaml.Yaml().load("""
                profile: balanced
                parameters:
                  proximitySigma: [0.75, 1.5]
                  calmVixMax: [14, 18]
                fit: {from: 2019-03-01, to: 2019-08-30}
                test: {from: 2019-09-03, to: 2020-02-28}
                walkForward: {mode: rolling, folds: 2}
                pboBlocks: 4
                """));
        Path whole = dir.resolve("whole");
        var one = SweepRunner.run(spec, market, ShippedRules.BALANCED, ShippedRules.RULES, BacktestConfig.defaults(), 2,
                whole, (d, t) -> { });
        assertEquals(4, one.variants());
        assertEquals(2, one.walkForward().size());
        assertTrue(one.pbo() != null && one.dsr() != null, "PBO and DSR over the four variants");

        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path shard = dir.resolve("shard-" + i);
            SweepRunner.run(spec, market, ShippedRules.BALANCED, ShippedRules.RULES, BacktestConfig.defaults(), 1,
                    new Shard(i, 3), shard, (d, t) -> { });
            shards.add(shard);
        }
        assertEquals(List.of(0, 3), SweepFiles.readVariants(shards.get(0)).stream().map(VariantResult::id).sorted().toList());
        Path merged = dir.resolve("merged");
        var all = SweepMerge.merge(shards, merged);

        assertEquals(one.pbo().pbo(), all.pbo().pbo());
        assertEquals(one.dsr(), all.dsr());
        assertEquals(Files.readString(whole.resolve("results.json")), Files.readString(merged.resolve("results.json")));
        assertEquals(Files.readString(whole.resolve("results.csv")), Files.readString(merged.resolve("results.csv")));
        assertEquals(4 * 2 + 1, Files.readAllLines(merged.resolve("results.csv")).size(), "a row per variant and fold");

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SweepMerge.merge(shards.subList(0, 2), dir.resolve("partial")));
        assertEquals("the shards hold 3 of 4 variants; first missing: 2 (a shard not given, or not finished)",
                missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SweepMerge.merge(List.of(shards.get(0), shards.get(0)),
                dir.resolve("twice")));
    }
}

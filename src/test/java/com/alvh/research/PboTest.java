package com.alvh.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PboTest {

    @Test
    void aVariantBetterInEveryBlockIsNeverOverfit() {
        // Variant 0 earns 1 a period more than the others in every block: its in-sample win holds out of sample.
        Random random = new Random(1);
        double[][] r = new double[5][400];
        for (int v = 0; v < 5; v++) {
            for (int t = 0; t < 400; t++) {
                r[v][t] = random.nextGaussian() + (v == 0 ? 1 : 0);
            }
        }
        Pbo.Result result = Pbo.of(r, 8);
        assertEquals(70, result.splits(), "C(8,4)");
        assertEquals(0.0, result.pbo());
    }

    @Test
    void whenTheInSampleWinnerIsAlwaysTheOutOfSampleLoserPboIsOne() {
        // Two variants that take turns: A wins the even blocks, B the odd ones, by the same margin. With 2 blocks,
        // the in-sample half is one block, and its winner is the loser of the other block: PBO = 1 exactly.
        double[][] r = new double[2][200];
        Random random = new Random(2);
        for (int t = 0; t < 200; t++) {
            double noise = random.nextGaussian() * 0.1;
            boolean first = t < 100;
            r[0][t] = noise + (first ? 1 : -1);
            r[1][t] = noise + (first ? -1 : 1);
        }
        Pbo.Result result = Pbo.of(r, 2);
        assertEquals(2, result.splits());
        assertEquals(1.0, result.pbo());
        // ω = 1/3 for the loser of two: λ = ln(1/2).
        assertEquals(Math.log(0.5), result.logits().get(0), 1e-12);
    }

    @Test
    void manyIdenticallyDistributedVariantsOverfitAboutHalfTheTime() {
        // Pure noise: the in-sample winner is no better than a random pick out of sample, so PBO is near 1/2.
        Random random = new Random(3);
        double[][] r = new double[50][800];
        for (double[] v : r) {
            for (int t = 0; t < v.length; t++) {
                v[t] = random.nextGaussian();
            }
        }
        double pbo = Pbo.of(r, 10).pbo();
        assertEquals(0.5, pbo, 0.2);
    }

    @Test
    void refusesAnOddNumberOfBlocks() {
        assertThrows(IllegalArgumentException.class, () -> Pbo.of(new double[2][10], 3));
    }
}

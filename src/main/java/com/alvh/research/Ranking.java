package com.alvh.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders variants by the objective on the <em>fit</em> windows only (the test windows must not choose; with several
 * walk-forward folds, the objective averaged over the folds' fit windows), variants that break a constraint (on any
 * fit window) last; ties keep the sweep's order.
 */
public final class Ranking {

    /** A variant, its place (1 = best), and whether it met every constraint. */
    public record Ranked(int rank, VariantResult variant, boolean feasible, double fitScore, double testScore) {
    }

    private Ranking() {
    }

    public static List<Ranked> rank(List<VariantResult> variants, Objective objective, List<Constraint> constraints) {
        List<VariantResult> sorted = new ArrayList<>(variants);
        sorted.sort(Comparator.comparing((VariantResult v) -> !v.meets(constraints))
                .thenComparing(v -> -(objective.higherIsBetter() ? 1 : -1) * v.fitValue(objective))
                .thenComparingInt(VariantResult::id));
        List<Ranked> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            VariantResult v = sorted.get(i);
            out.add(new Ranked(i + 1, v, v.meets(constraints), v.fitValue(objective), v.testValue(objective)));
        }
        return out;
    }
}

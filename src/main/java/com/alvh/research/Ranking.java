package com.alvh.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders variants by the objective on the <em>fit</em> window only (the test window must not choose), variants that
 * break a constraint (on the fit window) last; ties keep the sweep's order.
 */
public final class Ranking {

    /** A variant, its place (1 = best), and whether it met every constraint. */
    public record Ranked(int rank, VariantResult variant, boolean feasible, double fitScore, double testScore) {
    }

    private Ranking() {
    }

    public static List<Ranked> rank(List<VariantResult> variants, Objective objective, List<Constraint> constraints) {
        List<VariantResult> sorted = new ArrayList<>(variants);
        sorted.sort(Comparator.comparing((VariantResult v) -> !feasible(v, constraints))
                .thenComparing(v -> -objective.score(v.fit(), v.fitSharpe()))
                .thenComparingInt(VariantResult::id));
        List<Ranked> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            VariantResult v = sorted.get(i);
            out.add(new Ranked(i + 1, v, feasible(v, constraints), objective.value(v.fit(), v.fitSharpe()),
                    v.test() == null ? Double.NaN : objective.value(v.test(), v.testSharpe())));
        }
        return out;
    }

    static boolean feasible(VariantResult v, List<Constraint> constraints) {
        return constraints.stream().allMatch(c -> c.holds(v.fit(), v.fitSharpe()));
    }
}

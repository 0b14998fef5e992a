package com.alvh.evaluation;

import java.util.List;

import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.strategy.Profile;

/** Gives benchmarks the facts an evaluation inserts, to run a bare session on exactly them. */
public final class BenchFacts {

    private BenchFacts() {
    }

    public static List<Object> of(EvaluationRequest request, Profile profile) {
        return FactDerivation.derive(request, profile).facts();
    }
}

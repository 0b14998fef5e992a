package com.alvh.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.engine.Firing;
import com.alvh.evaluation.answer.EvaluationAnswer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what evaluations decide: {@code alvh_evaluations_total{profile,action}} (once per distinct action type of
 * an answer, HOLD included) and {@code alvh_rule_firings_total{rule}} (every firing). Both label sets are bounded by
 * the loaded profiles and rules.
 */
@ApplicationScoped
public class EvaluationMetrics {

    private final MeterRegistry meters;

    @Inject
    public EvaluationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(EvaluationAnswer answer) {
        String profile = answer.profile().name();
        answer.decision().actions().stream().map(a -> a.type().name()).distinct().forEach(action ->
                Counter.builder("alvh.evaluations").description("answered evaluations by profile and action type")
                        .tag("profile", profile).tag("action", action).register(meters).increment());
        for (Firing firing : answer.firings()) {
            Counter.builder("alvh.rule.firings").description("rule firings across all evaluations")
                    .tag("rule", firing.rule()).register(meters).increment();
        }
    }
}

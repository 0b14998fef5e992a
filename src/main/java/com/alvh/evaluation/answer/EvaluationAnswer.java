package com.alvh.evaluation.answer;

import java.time.Instant;
import java.util.List;

import com.alvh.engine.Firing;

/**
 * The answer to an evaluation (field names fixed by the API contract). {@code dryRun} is true when the request
 * named a rule-set version other than the active one: such a decision is recorded but is not a production decision.
 */
public record EvaluationAnswer(String evaluationId, Instant asOf, ProfileRef profile, RuleSetRef ruleSet,
                               boolean dryRun, DecisionView decision, DerivedView derived, List<SignalView> signals,
                               List<Firing> firings) {

    /** The profile and its content version. */
    public record ProfileRef(String name, String version) {
    }

    /** The rule-set content version. */
    public record RuleSetRef(String version) {
    }

    /** The same answer under another id (used when recording and replaying). */
    public EvaluationAnswer withId(String id) {
        return new EvaluationAnswer(id, asOf, profile, ruleSet, dryRun, decision, derived, signals, firings);
    }
}

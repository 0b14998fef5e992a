package com.alvh.lifecycle.isolation;

import java.util.List;

import com.alvh.engine.RuleError;
import com.alvh.evaluation.Violation;

/**
 * What a candidate process answers on its standard output. The service treats it as untrusted data: it is read
 * with a size bound and strictly (unknown fields are an error), and nothing in it is executed or trusted as a
 * version: the service hashes the sources itself.
 *
 * @param errors           compile errors, or the located reason the process stopped (deadline, forbidden call)
 * @param scenarioFailures scenarios the candidate fails (CANDIDATE)
 * @param evaluations      one output per requested evaluation, in order (EVALUATE)
 */
public record IsolatedResult(List<RuleError> errors, List<RuleError> scenarioFailures, List<EvaluationOutput> evaluations) {

    public IsolatedResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
        scenarioFailures = scenarioFailures == null ? List.of() : List.copyOf(scenarioFailures);
        evaluations = evaluations == null ? List.of() : List.copyOf(evaluations);
    }

    /** The answer of one evaluation as JSON, or why it failed. */
    public record EvaluationOutput(String id, String answerJson, String cancelledJson, long deriveMicros,
                                   long rulesMicros, Failure failure) {
    }

    /**
     * Why one evaluation failed: {@code INVALID_REQUEST} (a 422 with violations) or {@code RULE} (a rule threw or
     * looped, named in {@code rule}).
     */
    public record Failure(String kind, String message, String rule, List<Violation> violations) {

        /** Kind of an evaluation stopped at the engine's deadline (a loop or runaway recursion in a rule). */
        public static final String DEADLINE = "DEADLINE";

        public boolean deadline() {
            return DEADLINE.equals(kind);
        }
    }
}

package com.alvh.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one evaluation is recorded as: the request as received, the answer as sent, who asked, and the versions
 * and facts an auditor filters on.
 *
 * @param traceJson cancelled matches, timings etc.; {@code null} is stored as {@code "{}"}
 * @param caller    the authenticated principal's name; {@code null} or blank is stored as {@link #ANONYMOUS}
 */
public record EvaluationRecord(String evaluationId, Instant asOf, Instant evaluatedAt, String profileName,
        String profileVersion, String ruleSetVersion, boolean dryRun, List<String> actionTypes,
        List<String> rulesFired, String requestJson, String answerJson, String traceJson, String caller) {

    /** The caller recorded when a request carries no authenticated principal. */
    public static final String ANONYMOUS = "anonymous";

    public EvaluationRecord {
        if (evaluationId == null || evaluationId.isBlank()) {
            throw new IllegalArgumentException("evaluationId must not be blank");
        }
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(profileVersion, "profileVersion");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        actionTypes = actionTypes == null ? List.of() : List.copyOf(actionTypes);
        rulesFired = rulesFired == null ? List.of() : List.copyOf(rulesFired);
        Objects.requireNonNull(requestJson, "requestJson");
        Objects.requireNonNull(answerJson, "answerJson");
        traceJson = traceJson == null ? "{}" : traceJson;
        caller = caller == null || caller.isBlank() ? ANONYMOUS : caller;
    }
}

package com.alvh.api;

import com.alvh.audit.StoredEvaluation;
import java.time.Instant;
import java.util.List;

/** One line of an evaluation search. */
public record EvaluationSummary(String evaluationId, Instant asOf, Instant recordedAt, String profile,
        String profileVersion, String ruleSetVersion, List<String> actions, boolean dryRun) {

    static EvaluationSummary of(StoredEvaluation e) {
        var r = e.record();
        return new EvaluationSummary(r.evaluationId(), r.asOf(), e.recordedAt(), r.profileName(), r.profileVersion(),
                r.ruleSetVersion(), r.actionTypes(), r.dryRun());
    }
}

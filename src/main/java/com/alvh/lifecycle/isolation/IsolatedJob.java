package com.alvh.lifecycle.isolation;

import java.util.List;
import java.util.Map;

/**
 * What the service asks of a candidate process, sent as JSON on its standard input. Holds everything the job needs,
 * so the process reads nothing from the service but the shipped scenarios on the (read-only) rules directory.
 *
 * @param files        the candidate's DRL sources (name relative to the rules directory → source)
 * @param scenariosDir the rules directory whose {@code scenarios/} the gate runs (CANDIDATE only)
 * @param profiles     profiles by the key evaluations and scenarios name them with (profile name or version)
 * @param evaluations  requests to evaluate against the candidate (EVALUATE only)
 * @param deadlineMillis wall time the process may work before it stops itself and names what it was running
 * @param ruleCpuMillis  CPU time the rule set's own code (gate, evaluations) may use before the process stops itself
 */
public record IsolatedJob(Kind kind, Map<String, String> files, String scenariosDir, Map<String, ProfileInput> profiles,
                          List<EvaluationInput> evaluations, int firingLimit, long deadlineMillis, long ruleCpuMillis) {

    /** What to do with the candidate. */
    public enum Kind {
        /** Compile only: the located errors. */
        VALIDATE,
        /** Compile and run the scenario gate. */
        CANDIDATE,
        /** Compile and evaluate each request (a dry run is one, impact analysis many). */
        EVALUATE
    }

    /** A profile as its YAML source, parsed again inside the process. */
    public record ProfileInput(String name, String file, String source) {
    }

    /** One request to evaluate, with the key of its profile in {@link IsolatedJob#profiles()}. */
    public record EvaluationInput(String id, String profileKey, String requestJson) {
    }
}

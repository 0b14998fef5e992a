package com.alvh.lifecycle;

import com.alvh.evaluation.NotReadyException;
import com.alvh.evaluation.InvalidRequestException;
import com.alvh.evaluation.Evaluator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import org.jboss.logging.MDC;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.config.AlvhConfig;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleSetRegistry;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;

/** Answers evaluation requests: picks the profile and rule-set versions, evaluates, and records before answering. */
@ApplicationScoped
public class EvaluationService {

    private final RuleSetRegistry ruleSets;
    private final RuleSetService storedRuleSets;
    private final ProfileRegistry profiles;
    private final AlvhConfig config;
    private final EvaluationRecorder recorder;
    private final EvaluationMetrics metrics;
    private final IsolatedDryRun isolatedDryRun;
    private final ServingHealth serving;

    /** MDC key of the evaluation id in log lines. */
    public static final String MDC_KEY = "evaluationId";

    @Inject
    public EvaluationService(RuleSetRegistry ruleSets, RuleSetService storedRuleSets, ProfileRegistry profiles,
                             AlvhConfig config, EvaluationRecorder recorder, EvaluationMetrics metrics,
                             IsolatedDryRun isolatedDryRun, ServingHealth serving) {
        this.metrics = metrics;
        this.ruleSets = ruleSets;
        this.storedRuleSets = storedRuleSets;
        this.profiles = profiles;
        this.config = config;
        this.recorder = recorder;
        this.isolatedDryRun = isolatedDryRun;
        this.serving = serving;
    }

    /**
     * Evaluates and records; returns the answer as the JSON that was recorded, so the response is byte for byte
     * what the audit trail holds (and is serialised once). A dry run against a version other than the active one runs
     * in a candidate process (when isolation is on) and is recorded like any other answer.
     */
    public String evaluate(EvaluationRequest request, String requestJson) {
        return evaluate(request, requestJson, null);
    }

    /** As {@link #evaluate(EvaluationRequest, String)}, recording {@code caller} (the principal; null: anonymous). */
    public String evaluate(EvaluationRequest request, String requestJson, String caller) {
        return evaluateWithId(request, requestJson, caller).answerJson();
    }

    /** An answer with the id it was recorded under. */
    public record Evaluated(String evaluationId, String answerJson) {
    }

    /** As {@link #evaluate}, also telling the evaluation id (for the idempotency keys). */
    public Evaluated evaluateWithId(EvaluationRequest request, String requestJson, String caller) {
        CompiledRuleSet active = servingRuleSet();
        boolean againstCandidate = request.ruleSetVersion() != null && !request.ruleSetVersion().equals(active.version());
        if (againstCandidate && requestJson != null && requestJson.length() > config.limits().dryRunMaxBytes()) {
            throw new DryRunTooLargeException(config.limits().dryRunMaxBytes());
        }
        LoadedProfile profile = profile(request.profile());
        String id = EvaluationIds.next();
        if (againstCandidate && isolatedDryRun.enabled()) {
            return new Evaluated(id, isolatedDryRun.evaluate(id, request, requestJson, profile, caller));
        }
        CompiledRuleSet ruleSet = active;
        if (request.ruleSetVersion() != null) {
            ruleSet = storedRuleSets.compiled(request.ruleSetVersion())
                    .orElseThrow(() -> unknownVersion(request.ruleSetVersion()));
        }
        boolean dryRun = !ruleSet.version().equals(active.version());
        // every log line of this evaluation (rules, recording) carries its id; see docs/operations.md
        MDC.put(MDC_KEY, id);
        try {
            var evaluation = Evaluator.run(id, request, profile, ruleSet, dryRun, config.firingLimit());
            String answer = recorder.record(request, requestJson, evaluation, profile, ruleSet, caller);
            metrics.count(evaluation.answer());
            return new Evaluated(id, answer);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * Evaluates a request against the active versions on the calling thread, which it never blocks, and completes
     * with the answer's JSON on {@code answering} once its record is durable, or fails there (as {@link #evaluate}:
     * counted only when recorded); at once when recording is off. For requests without a {@code ruleSetVersion};
     * what may block (storing a version the first time it is used) runs on {@code blocking}.
     */
    public CompletionStage<String> evaluateActive(EvaluationRequest request, String requestJson, String caller,
                                                  Executor blocking, Executor answering) {
        if (request.ruleSetVersion() != null) {
            throw new IllegalArgumentException("a request naming a rule-set version may compile it: use evaluate");
        }
        CompiledRuleSet active = servingRuleSet();
        LoadedProfile profile = profile(request.profile());
        String id = EvaluationIds.next();
        MDC.put(MDC_KEY, id);
        try {
            var evaluation = Evaluator.run(id, request, profile, active, false, config.firingLimit());
            CompletableFuture<String> recorded = recorder.recordAsync(request, requestJson, evaluation, profile,
                    active, caller, blocking).toCompletableFuture();
            if (recorded.isDone() && !recorded.isCompletedExceptionally()) {
                // recording is off: nothing to wait for, so no hand-over either
                metrics.count(evaluation.answer());
                return recorded;
            }
            return recorded.handleAsync((answer, failure) -> {
                if (failure != null) {
                    throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                }
                metrics.count(evaluation.answer());
                return answer;
            }, answering);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private CompiledRuleSet servingRuleSet() {
        serving.diskProblem().ifPresent(problem -> {
            throw new RecordingUnavailableException(problem);
        });
        return ruleSets.active().orElseThrow(NotReadyException::new);
    }

    static InvalidRequestException unknownVersion(String version) {
        return new InvalidRequestException("ruleSetVersion", "unknown rule-set version " + version);
    }

    LoadedProfile profile(String name) {
        return profiles.find(name).orElseThrow(() -> new InvalidRequestException("profile",
                "unknown profile '" + name + "'; loaded: " + profiles.all().stream().map(p -> p.profile().name()).toList()));
    }
}

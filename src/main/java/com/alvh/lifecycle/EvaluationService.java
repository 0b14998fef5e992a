package com.alvh.lifecycle;

import com.alvh.evaluation.NotReadyException;
import com.alvh.evaluation.InvalidRequestException;
import com.alvh.evaluation.Evaluator;
import java.util.UUID;

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

    @Inject
    public EvaluationService(RuleSetRegistry ruleSets, RuleSetService storedRuleSets, ProfileRegistry profiles,
                             AlvhConfig config, EvaluationRecorder recorder) {
        this.ruleSets = ruleSets;
        this.storedRuleSets = storedRuleSets;
        this.profiles = profiles;
        this.config = config;
        this.recorder = recorder;
    }

    /**
     * Evaluates and records; returns the answer as the JSON that was recorded, so the response is byte for byte
     * what the audit trail holds (and is serialised once).
     */
    public String evaluate(EvaluationRequest request, String requestJson) {
        return evaluate(request, requestJson, null);
    }

    /** As {@link #evaluate(EvaluationRequest, String)}, recording {@code caller} (the principal; null: anonymous). */
    public String evaluate(EvaluationRequest request, String requestJson, String caller) {
        LoadedProfile profile = profile(request.profile());
        CompiledRuleSet active = ruleSets.active().orElseThrow(NotReadyException::new);
        CompiledRuleSet ruleSet = active;
        if (request.ruleSetVersion() != null) {
            ruleSet = storedRuleSets.compiled(request.ruleSetVersion())
                    .orElseThrow(() -> new InvalidRequestException("ruleSetVersion",
                            "unknown rule-set version " + request.ruleSetVersion()));
        }
        boolean dryRun = !ruleSet.version().equals(active.version());
        var evaluation = Evaluator.run(UUID.randomUUID().toString(), request, profile, ruleSet, dryRun, config.firingLimit());
        return recorder.record(request, requestJson, evaluation, profile, ruleSet, caller);
    }

    LoadedProfile profile(String name) {
        return profiles.find(name).orElseThrow(() -> new InvalidRequestException("profile",
                "unknown profile '" + name + "'; loaded: " + profiles.all().stream().map(p -> p.profile().name()).toList()));
    }
}

package com.alvh.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.config.AlvhConfig;
import com.alvh.engine.RuleError;
import com.alvh.lifecycle.isolation.CandidateRunner;
import com.alvh.lifecycle.isolation.CandidateStoppedException;
import com.alvh.lifecycle.isolation.IsolatedJob;
import com.alvh.lifecycle.isolation.IsolatedJob.EvaluationInput;
import com.alvh.lifecycle.isolation.IsolatedJob.ProfileInput;
import com.alvh.lifecycle.isolation.IsolatedResult;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;

/**
 * The lifecycle's door to candidate processes: turns validation, a candidate's gate and evaluations against a
 * candidate into {@link IsolatedJob}s. A process that stopped without an answer counts as a refusal with its reason.
 */
@ApplicationScoped
public class IsolatedRuleSets {

    private final CandidateRunner runner;
    private final ProfileRegistry profiles;
    private final AlvhConfig config;

    @Inject
    public IsolatedRuleSets(CandidateRunner runner, ProfileRegistry profiles, AlvhConfig config) {
        this.runner = runner;
        this.profiles = profiles;
        this.config = config;
    }

    /** Whether untrusted rule sets run in candidate processes (alvh.isolation.enabled). */
    public boolean enabled() {
        return runner.enabled();
    }

    /** Compile errors of {@code files}, compiled in a candidate process. */
    public List<RuleError> validate(Map<String, String> files) {
        return run(IsolatedJob.Kind.VALIDATE, files, Map.of(), List.of()).errors();
    }

    /** Compile errors (first) or scenario failures of {@code files}, gated in a candidate process. */
    public IsolatedResult gate(Map<String, String> files) {
        Map<String, ProfileInput> byName = new LinkedHashMap<>();
        for (LoadedProfile p : profiles.all()) {
            byName.put(p.profile().name(), input(p));
        }
        return run(IsolatedJob.Kind.CANDIDATE, files, byName, List.of());
    }

    /** Evaluates requests against {@code files} in a candidate process; profiles keyed as the inputs name them. */
    public IsolatedResult evaluate(Map<String, String> files, Map<String, ProfileInput> profileInputs,
                                   List<EvaluationInput> inputs) {
        return run(IsolatedJob.Kind.EVALUATE, files, profileInputs, inputs);
    }

    static ProfileInput input(LoadedProfile p) {
        return new ProfileInput(p.profile().name(), p.file(), p.source());
    }

    private IsolatedResult run(IsolatedJob.Kind kind, Map<String, String> files, Map<String, ProfileInput> profileInputs,
                               List<EvaluationInput> inputs) {
        try {
            return runner.run(new IsolatedJob(kind, files, config.rulesDir().toAbsolutePath().toString(), profileInputs,
                    inputs, config.firingLimit(), 0, 0));
        } catch (CandidateStoppedException e) {
            return new IsolatedResult(List.of(e.error()), List.of(), List.of());
        }
    }
}

package com.alvh.lifecycle.isolation;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.alvh.config.AlvhConfig;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleEvaluationException;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.evaluation.Evaluator;
import com.alvh.evaluation.InvalidRequestException;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.lifecycle.ScenarioGate;
import com.alvh.lifecycle.isolation.IsolatedResult.EvaluationOutput;
import com.alvh.lifecycle.isolation.IsolatedResult.Failure;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;
import com.alvh.strategy.ProfileParser;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The work of a candidate process, through the engine's public API only: compile, gate, evaluate. */
final class CandidateWork {


    private final IsolatedJob job;
    private final ObjectMapper json;
    private final Watchdog watchdog;

    CandidateWork(IsolatedJob job, ObjectMapper json, Watchdog watchdog) {
        this.job = job;
        this.json = json;
        this.watchdog = watchdog;
    }

    IsolatedResult run() {
        RuleSetCompiler.Result compiled = new RuleSetCompiler(CandidateWork.class.getClassLoader(), Clock.systemUTC())
                .compile(job.files());
        if (!compiled.valid()) {
            return new IsolatedResult(compiled.errors(), List.of(), List.of());
        }
        watchdog.rules(compiled.ruleSet().rules());
        return switch (job.kind()) {
            case VALIDATE -> new IsolatedResult(List.of(), List.of(), List.of());
            case CANDIDATE -> new IsolatedResult(List.of(), gate(compiled.ruleSet()), List.of());
            case EVALUATE -> new IsolatedResult(List.of(), List.of(), evaluate(compiled.ruleSet()));
        };
    }

    private List<com.alvh.engine.RuleError> gate(CompiledRuleSet candidate) {
        watchdog.phase("running the scenario gate");
        ScenarioGate gate = new ScenarioGate(config(), null, json);
        try {
            return gate.check(candidate, name -> profile(name));
        } catch (Throwable e) {
            // an Error from rule code (stack overflow, out of memory...) passes through the gate's own handling
            return List.of(located(e, candidate, "failed the scenario gate with " + e));
        }
    }

    private com.alvh.engine.RuleError located(Throwable e, CompiledRuleSet candidate, String message) {
        return com.alvh.engine.RuleLocator.locate(e.getStackTrace(), candidate.rules(), job.files(), message)
                .orElse(new com.alvh.engine.RuleError("(rule set)", 1, 1, "the rule set " + message));
    }

    /**
     * Evaluates each input in turn. Once one runs into its deadline the rest are not run but reported with that
     * failure: a rule that loops does so on the next request too, and 250 looping evaluations would only burn the
     * job's wall time.
     */
    private List<EvaluationOutput> evaluate(CompiledRuleSet candidate) {
        List<EvaluationOutput> outputs = new ArrayList<>();
        Failure stopped = null;
        for (IsolatedJob.EvaluationInput input : job.evaluations()) {
            if (stopped != null) {
                outputs.add(failed(input, new Failure(Failure.DEADLINE, "not run: " + stopped.message(), stopped.rule(), List.of())));
                continue;
            }
            watchdog.phase("evaluating " + input.id());
            try {
                EvaluationOutput out = evaluate(input, candidate);
                outputs.add(out);
                if (out.failure() != null && out.failure().deadline()) {
                    stopped = out.failure();
                }
            } catch (Throwable e) {
                var where = located(e, candidate, "failed with " + e);
                outputs.add(failed(input, new Failure("RULE", where.message() + " (" + where.file() + ", line "
                        + where.line() + ")", ruleName(where.message()), List.of())));
            }
        }
        return outputs;
    }

    private EvaluationOutput evaluate(IsolatedJob.EvaluationInput input, CompiledRuleSet candidate) {
        try {
            EvaluationRequest request = json.readValue(input.requestJson(), EvaluationRequest.class);
            LoadedProfile profile = profile(input.profileKey()).orElseThrow(() ->
                    new InvalidRequestException("profile", "profile " + input.profileKey() + " is not available"));
            Evaluator.Evaluation e = Evaluator.run(input.id(), request, profile, candidate, true, job.firingLimit());
            return new EvaluationOutput(input.id(), json.writeValueAsString(e.answer()),
                    json.writeValueAsString(e.outcome().cancelled()), e.deriveNanos() / 1000, e.rulesNanos() / 1000, null);
        } catch (InvalidRequestException e) {
            return failed(input, new Failure("INVALID_REQUEST", e.getMessage(), null, e.violations()));
        } catch (com.alvh.engine.RuleDeadlineException e) {
            return failed(input, new Failure(Failure.DEADLINE, e.getMessage(), e.rule(), List.of()));
        } catch (RuleEvaluationException e) {
            return failed(input, new Failure("RULE", e.getMessage(), e.rule(), List.of()));
        } catch (Exception e) {
            return failed(input, new Failure("OTHER", String.valueOf(e), null, List.of()));
        }
    }

    private static String ruleName(String message) {
        return message.startsWith("rule '") ? message.substring(6, Math.max(6, message.indexOf("' "))) : null;
    }

    private static EvaluationOutput failed(IsolatedJob.EvaluationInput input, Failure failure) {
        return new EvaluationOutput(input.id(), null, null, 0, 0, failure);
    }

    private Optional<LoadedProfile> profile(String key) {
        IsolatedJob.ProfileInput p = job.profiles() == null ? null : job.profiles().get(key);
        return p == null ? Optional.empty()
                : Optional.of(new LoadedProfile(ProfileParser.parse(p.name(), p.file(), p.source()), p.file(), p.source()));
    }

    /** The two settings the scenario gate reads; nothing else of the service's configuration exists here. */
    private AlvhConfig config() {
        return (AlvhConfig) Proxy.newProxyInstance(AlvhConfig.class.getClassLoader(), new Class<?>[] {AlvhConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "rulesDir" -> Path.of(job.scenariosDir());
                    case "firingLimit" -> job.firingLimit();
                    case "toString" -> "candidate-process config";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName() + " is not available in a candidate process");
                });
    }
}

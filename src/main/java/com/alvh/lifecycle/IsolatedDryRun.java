package com.alvh.lifecycle;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.engine.RuleEvaluationException;
import com.alvh.evaluation.InvalidRequestException;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.lifecycle.isolation.IsolatedJob.EvaluationInput;
import com.alvh.lifecycle.isolation.IsolatedResult;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A dry run against a version that is not the active one: evaluated in a candidate process, then checked (its id,
 * version and dry-run flag must be the ones asked for) and recorded here like any other answer.
 */
@ApplicationScoped
public class IsolatedDryRun {

    private final IsolatedRuleSets isolated;
    private final RuleSetService ruleSets;
    private final EvaluationRecorder recorder;
    private final ObjectMapper json;

    @Inject
    public IsolatedDryRun(IsolatedRuleSets isolated, RuleSetService ruleSets, EvaluationRecorder recorder, ObjectMapper json) {
        this.isolated = isolated;
        this.ruleSets = ruleSets;
        this.recorder = recorder;
        this.json = json;
    }

    boolean enabled() {
        return isolated.enabled();
    }

    /** Returns the recorded answer's JSON; {@code caller} is recorded with it as with any evaluation. */
    String evaluate(String id, EvaluationRequest request, String requestJson, LoadedProfile profile, String caller) {
        String version = request.ruleSetVersion();
        Map<String, String> files = ruleSets.files(version).orElseThrow(() -> EvaluationService.unknownVersion(version));
        String body = requestJson != null ? requestJson : write(request);
        IsolatedResult result = isolated.evaluate(files, Map.of(profile.profile().name(), IsolatedRuleSets.input(profile)),
                List.of(new EvaluationInput(id, profile.profile().name(), body)));
        if (!result.errors().isEmpty()) {
            throw new InvalidRuleSetException(result.errors());
        }
        if (result.evaluations().size() != 1 || !id.equals(result.evaluations().get(0).id())) {
            throw new RuleEvaluationException("(unknown)", "the candidate process answered for another evaluation", null);
        }
        IsolatedResult.EvaluationOutput out = result.evaluations().get(0);
        if (out.failure() != null) {
            throw failure(out.failure());
        }
        JsonNode answer = read(out.answerJson());
        if (!answer.isObject() || !id.equals(answer.path("evaluationId").asText())
                || !version.equals(answer.path("ruleSet").path("version").asText()) || !answer.path("dryRun").asBoolean()) {
            throw new RuleEvaluationException("(unknown)", "the candidate process answered a different evaluation", null);
        }
        return recorder.recordIsolated(request, requestJson, answer, read(out.cancelledJson()), out.deriveMicros(),
                out.rulesMicros(), profile, version, files, caller);
    }

    static RuntimeException failure(IsolatedResult.Failure failure) {
        if ("INVALID_REQUEST".equals(failure.kind()) && failure.violations() != null && !failure.violations().isEmpty()) {
            return new InvalidRequestException(failure.violations());
        }
        String rule = failure.rule() == null ? "(unknown)" : failure.rule();
        return new RuleEvaluationException(rule, failure.message(), null);
    }

    private JsonNode read(String text) {
        try {
            return text == null ? json.nullNode() : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RuleEvaluationException("(unknown)", "the candidate process answered malformed JSON", null);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

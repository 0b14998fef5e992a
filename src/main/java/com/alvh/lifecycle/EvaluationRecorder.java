package com.alvh.lifecycle;

import com.alvh.evaluation.Evaluator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditTrail;
import com.alvh.audit.EvaluationRecord;
import com.alvh.config.AlvhConfig;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.Firing;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes an evaluation to the audit trail before it is answered, together with the sources of the profile and
 * rule-set versions it used (each stored once), so that any evaluation can later be replayed exactly.
 */
@ApplicationScoped
public class EvaluationRecorder {

    private final AuditTrail audit;
    private final ObjectMapper json;
    private final boolean enabled;
    private final Set<String> storedVersions = ConcurrentHashMap.newKeySet();

    /** Time from handing a record to the chain writer until it is durable (alvh_audit_append_seconds). */
    private final Timer appendLatency;

    @Inject
    public EvaluationRecorder(AuditTrail audit, ObjectMapper json, AlvhConfig config, MeterRegistry meters) {
        this.appendLatency = Timer.builder("alvh.audit.append")
                .description("time until an evaluation's audit record is committed").register(meters);
        this.enabled = config.audit().recordEvaluations();
        this.audit = audit;
        this.json = json;
    }

    /**
     * Records the evaluation (unless recording is switched off) and returns the answer's JSON, written once.
     *
     * @param caller the authenticated principal's name, part of the hashed record ({@code null}: anonymous)
     */
    String record(EvaluationRequest request, String requestJson, Evaluator.Evaluation evaluation, LoadedProfile profile,
                  CompiledRuleSet ruleSet, String caller) {
        String answerJson = write(evaluation.answer());
        if (!enabled) {
            return answerJson;
        }
        storeVersions(profile, ruleSet.version(), ruleSet.files(), caller);
        append(record(request, requestJson, evaluation, profile, ruleSet, caller, answerJson));
        return answerJson;
    }

    /**
     * As {@link #record} without blocking the calling thread: the stage completes with the answer's JSON once the
     * record is durable, on the audit writer's thread. Versions this process has not stored yet are stored first
     * on {@code blocking} (a database write, once per version).
     */
    CompletionStage<String> recordAsync(EvaluationRequest request, String requestJson, Evaluator.Evaluation evaluation,
                                        LoadedProfile profile, CompiledRuleSet ruleSet, String caller,
                                        Executor blocking) {
        String answerJson = write(evaluation.answer());
        if (!enabled) {
            return CompletableFuture.completedFuture(answerJson);
        }
        EvaluationRecord record = record(request, requestJson, evaluation, profile, ruleSet, caller, answerJson);
        CompletionStage<Void> versionsStored = versionsStored(profile, ruleSet.version())
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> storeVersions(profile, ruleSet.version(), ruleSet.files(), caller),
                        blocking);
        long start = System.nanoTime();
        return versionsStored.thenCompose(stored -> audit.appendAsync(record)).thenApply(stored -> {
            appendLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return answerJson;
        });
    }

    private EvaluationRecord record(EvaluationRequest request, String requestJson, Evaluator.Evaluation evaluation,
                                    LoadedProfile profile, CompiledRuleSet ruleSet, String caller, String answerJson) {
        var answer = evaluation.answer();
        List<String> actions = answer.decision().actions().stream().map(a -> a.type().name()).distinct().toList();
        List<String> rules = answer.firings().stream().map(Firing::rule).distinct().toList();
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("cancelledMatches", evaluation.outcome().cancelled());
        trace.put("deriveMicros", evaluation.deriveNanos() / 1000);
        trace.put("rulesMicros", evaluation.rulesNanos() / 1000);
        return new EvaluationRecord(answer.evaluationId(), request.asOf(), Instant.now(), profile.profile().name(),
                profile.profile().version(), ruleSet.version(), answer.dryRun(), actions, rules,
                requestJson == null ? write(request) : requestJson, answerJson, write(trace), caller);
    }

    private boolean versionsStored(LoadedProfile profile, String ruleSetVersion) {
        return storedVersions.contains(ruleSetVersion) && storedVersions.contains(profile.profile().version());
    }

    private void append(EvaluationRecord record) {
        long start = System.nanoTime();
        audit.append(record);
        appendLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /**
     * Records a dry run answered by a candidate process. The answer arrives as untrusted JSON (already parsed strictly
     * and checked for its id, version and dry-run flag by the caller); what is indexed is read from it.
     */
    String recordIsolated(EvaluationRequest request, String requestJson, com.fasterxml.jackson.databind.JsonNode answer,
                          com.fasterxml.jackson.databind.JsonNode cancelled, long deriveMicros, long rulesMicros,
                          LoadedProfile profile, String ruleSetVersion, Map<String, String> files, String caller) {
        String answerJson = write(answer);
        if (!enabled) {
            return answerJson;
        }
        storeVersions(profile, ruleSetVersion, files, caller);
        List<String> actions = new java.util.ArrayList<>();
        answer.path("decision").path("actions").forEach(a -> actions.add(a.path("type").asText()));
        List<String> rules = new java.util.ArrayList<>();
        answer.path("firings").forEach(f -> rules.add(f.path("rule").asText()));
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("cancelledMatches", cancelled);
        trace.put("deriveMicros", deriveMicros);
        trace.put("rulesMicros", rulesMicros);
        trace.put("isolated", true);
        append(new EvaluationRecord(answer.path("evaluationId").asText(), request.asOf(), Instant.now(),
                profile.profile().name(), profile.profile().version(), ruleSetVersion, true,
                actions.stream().distinct().toList(), rules.stream().distinct().toList(),
                requestJson == null ? write(request) : requestJson, answerJson, write(trace), caller));
        return answerJson;
    }

    /**
     * Forgets which versions this process already stored, so the next evaluation stores them again (storing is
     * idempotent). Only a test that empties the audit store needs it: in service, stored versions are never removed.
     */
    public void forgetStoredVersions() {
        storedVersions.clear();
    }

    /** A version not yet stored is stored by the caller of the first evaluation that used it (its createdBy). */
    private void storeVersions(LoadedProfile profile, String ruleSetVersion, Map<String, String> files, String caller) {
        if (storedVersions.add(ruleSetVersion)) {
            audit.storeRuleSetVersion(ruleSetVersion, files, caller);
        }
        if (storedVersions.add(profile.profile().version())) {
            audit.storeProfileVersion(profile.profile().name(), profile.profile().version(), profile.source(), caller);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evaluation cannot be serialised", e);
        }
    }
}

package com.alvh.lifecycle;

import com.alvh.evaluation.InvalidRequestException;
import com.alvh.evaluation.Evaluator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditTrail;
import com.alvh.audit.EvaluationQuery;
import com.alvh.audit.StoredEvaluation;
import com.alvh.config.AlvhConfig;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Impact analysis: re-evaluates the recorded production requests of a time range against a candidate rule set,
 * each with the profile version it was answered with, and lists the decisions that would change.
 */
@ApplicationScoped
public class ImpactService {

    private static final int PAGE = EvaluationQuery.MAX_LIMIT;

    private final AuditTrail audit;
    private final RecordedInputs inputs;
    private final RuleSetService ruleSets;
    private final ObjectMapper json;
    private final AlvhConfig config;
    private final IsolatedRuleSets isolated;

    /** Recorded requests per candidate process: each process keeps its own wall-time and CPU limits. */
    private static final int ISOLATED_CHUNK = 250;

    @Inject
    public ImpactService(AuditTrail audit, RecordedInputs inputs, RuleSetService ruleSets, ObjectMapper json,
                         AlvhConfig config, IsolatedRuleSets isolated) {
        this.audit = audit;
        this.inputs = inputs;
        this.ruleSets = ruleSets;
        this.json = json;
        this.config = config;
        this.isolated = isolated;
    }

    /** One decision that would change. */
    public record Change(String evaluationId, Instant asOf, JsonNode before, JsonNode after) {
    }

    /** The impact of a candidate on a range of recorded evaluations. */
    public record Impact(String version, Instant from, Instant to, int evaluated, int changed, int failed,
                         List<Change> changes, List<Failure> failures) {
    }

    /** Why one recorded request could not be re-evaluated (at most {@link #LISTED_FAILURES} are listed). */
    public record Failure(String evaluationId, String rule, String message) {
    }

    static final int LISTED_FAILURES = 20;

    public Impact impact(String version, Instant from, Instant to, int maxEvaluations) {
        if (isolated.enabled()) {
            return isolatedImpact(version, from, to, maxEvaluations);
        }
        CompiledRuleSet candidate = ruleSets.compiled(version).orElseThrow(() ->
                new InvalidRequestException("version", "unknown rule-set version " + version));
        List<Change> changes = new ArrayList<>();
        int evaluated = 0;
        int failed = 0;
        for (int offset = 0; evaluated + failed < maxEvaluations; offset += PAGE) {
            List<StoredEvaluation> page = audit.search(new EvaluationQuery(from, to, null, null, null, PAGE, offset));
            for (StoredEvaluation stored : page) {
                if (stored.record().dryRun() || evaluated + failed >= maxEvaluations) {
                    continue;
                }
                try {
                    compare(stored, candidate).ifPresent(changes::add);
                    evaluated++;
                } catch (RuntimeException e) {
                    failed++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return new Impact(version, from, to, evaluated, changes.size(), failed, changes, List.of());
    }

    private java.util.Optional<Change> compare(StoredEvaluation stored, CompiledRuleSet candidate) {
        var record = stored.record();
        try {
            EvaluationRequest request = inputs.request(record);
            LoadedProfile profile = inputs.profile(record);
            JsonNode before = json.readTree(record.answerJson()).path("decision").path("actions");
            JsonNode after = json.valueToTree(Evaluator.run(record.evaluationId(), request, profile, candidate, true,
                    config.firingLimit()).answer().decision().actions());
            return before.equals(after) ? java.util.Optional.empty()
                    : java.util.Optional.of(new Change(record.evaluationId(), record.asOf(), before, after));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same comparison with every candidate evaluation run in candidate processes, a chunk of records per process. */
    private Impact isolatedImpact(String version, Instant from, Instant to, int maxEvaluations) {
        java.util.Map<String, String> files = ruleSets.files(version).orElseThrow(() ->
                new InvalidRequestException("version", "unknown rule-set version " + version));
        List<StoredEvaluation> records = production(from, to, maxEvaluations);
        List<Change> changes = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        int evaluated = 0;
        int failed = 0;
        for (int start = 0; start < records.size(); start += ISOLATED_CHUNK) {
            List<StoredEvaluation> chunk = records.subList(start, Math.min(records.size(), start + ISOLATED_CHUNK));
            java.util.Map<String, com.alvh.lifecycle.isolation.IsolatedJob.ProfileInput> profiles = new java.util.HashMap<>();
            List<com.alvh.lifecycle.isolation.IsolatedJob.EvaluationInput> jobInputs = new ArrayList<>();
            for (StoredEvaluation stored : chunk) {
                var r = stored.record();
                audit.profileSource(r.profileVersion()).ifPresent(source -> profiles.put(r.profileVersion(),
                        new com.alvh.lifecycle.isolation.IsolatedJob.ProfileInput(r.profileName(), r.profileName() + ".yaml", source)));
                jobInputs.add(new com.alvh.lifecycle.isolation.IsolatedJob.EvaluationInput(r.evaluationId(),
                        r.profileVersion(), r.requestJson()));
            }
            var result = isolated.evaluate(files, profiles, jobInputs);
            if (!result.errors().isEmpty()) {
                throw new InvalidRuleSetException(result.errors());
            }
            java.util.Map<String, com.alvh.lifecycle.isolation.IsolatedResult.EvaluationOutput> byId = new java.util.HashMap<>();
            result.evaluations().forEach(o -> byId.putIfAbsent(o.id(), o));
            for (StoredEvaluation stored : chunk) {
                var out = byId.get(stored.record().evaluationId());
                java.util.Optional<Change> change = out == null || out.failure() != null ? null : compare(stored, out);
                if (change == null) {
                    failed++;
                    if (failures.size() < LISTED_FAILURES) {
                        failures.add(new Failure(stored.record().evaluationId(),
                                out == null || out.failure() == null ? null : out.failure().rule(),
                                out == null ? "no answer" : out.failure() == null ? "unreadable answer" : out.failure().message()));
                    }
                } else {
                    evaluated++;
                    change.ifPresent(changes::add);
                }
            }
            if (result.evaluations().stream().anyMatch(o -> o.failure() != null && o.failure().deadline())) {
                // a rule that loops on one request loops on the next: the remaining chunks are not run, only counted
                failed += records.size() - Math.min(records.size(), start + ISOLATED_CHUNK);
                break;
            }
        }
        return new Impact(version, from, to, evaluated, changes.size(), failed, changes, failures);
    }

    private List<StoredEvaluation> production(Instant from, Instant to, int max) {
        List<StoredEvaluation> records = new ArrayList<>();
        for (int offset = 0; records.size() < max; offset += PAGE) {
            List<StoredEvaluation> page = audit.search(new EvaluationQuery(from, to, null, null, null, PAGE, offset));
            page.stream().filter(s -> !s.record().dryRun()).limit(max - records.size()).forEach(records::add);
            if (page.size() < PAGE) {
                break;
            }
        }
        return records;
    }

    /** Null when the candidate process's answer cannot be read (counted as failed). */
    private java.util.Optional<Change> compare(StoredEvaluation stored,
                                               com.alvh.lifecycle.isolation.IsolatedResult.EvaluationOutput out) {
        try {
            var record = stored.record();
            JsonNode before = json.readTree(record.answerJson()).path("decision").path("actions");
            JsonNode after = json.readTree(out.answerJson()).path("decision").path("actions");
            return before.equals(after) ? java.util.Optional.empty()
                    : java.util.Optional.of(new Change(record.evaluationId(), record.asOf(), before, after));
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }
}

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

    @Inject
    public ImpactService(AuditTrail audit, RecordedInputs inputs, RuleSetService ruleSets, ObjectMapper json,
                         AlvhConfig config) {
        this.audit = audit;
        this.inputs = inputs;
        this.ruleSets = ruleSets;
        this.json = json;
        this.config = config;
    }

    /** One decision that would change. */
    public record Change(String evaluationId, Instant asOf, JsonNode before, JsonNode after) {
    }

    /** The impact of a candidate on a range of recorded evaluations. */
    public record Impact(String version, Instant from, Instant to, int evaluated, int changed, int failed,
                         List<Change> changes) {
    }

    public Impact impact(String version, Instant from, Instant to, int maxEvaluations) {
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
        return new Impact(version, from, to, evaluated, changes.size(), failed, changes);
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
}

package com.alvh.lifecycle;

import com.alvh.evaluation.InvalidRequestException;
import com.alvh.evaluation.Evaluator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditTrail;
import com.alvh.audit.EvaluationRecord;
import com.alvh.config.AlvhConfig;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Re-runs a recorded evaluation with the recorded request, profile version and rule-set version (from their
 * stored sources, whatever is active now) and compares the new answer with the recorded one field by field.
 */
@ApplicationScoped
public class ReplayService {

    private static final int MAX_DIFFERENCES = 50;

    private final AuditTrail audit;
    private final RecordedInputs inputs;
    private final RuleSetService ruleSets;
    private final ObjectMapper json;
    private final AlvhConfig config;

    @Inject
    public ReplayService(AuditTrail audit, RecordedInputs inputs, RuleSetService ruleSets, ObjectMapper json,
                         AlvhConfig config) {
        this.audit = audit;
        this.inputs = inputs;
        this.ruleSets = ruleSets;
        this.json = json;
        this.config = config;
    }

    /** One field whose replayed value differs from the recorded one ({@code path} is a JSON pointer). */
    public record Difference(String path, JsonNode recorded, JsonNode replayed) {
    }

    /** The replay's outcome. */
    public record Replay(String evaluationId, boolean identical, String profileVersion, String ruleSetVersion,
                         JsonNode decision, List<Difference> differences) {
    }

    public Optional<Replay> replay(String evaluationId) {
        return audit.find(evaluationId).map(stored -> replay(stored.record()));
    }

    private Replay replay(EvaluationRecord record) {
        try {
            EvaluationRequest request = inputs.request(record);
            LoadedProfile profile = inputs.profile(record);
            CompiledRuleSet ruleSet = storedRuleSet(record.ruleSetVersion());
            var answer = Evaluator.run(record.evaluationId(), request, profile, ruleSet, record.dryRun(),
                    config.firingLimit()).answer();
            JsonNode replayed = json.valueToTree(answer);
            JsonNode recorded = json.readTree(record.answerJson());
            List<Difference> differences = new ArrayList<>();
            compare("", recorded, replayed, differences);
            return new Replay(record.evaluationId(), differences.isEmpty(), record.profileVersion(),
                    record.ruleSetVersion(), replayed.get("decision"), differences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded evaluation " + record.evaluationId() + " cannot be read", e);
        }
    }

    private CompiledRuleSet storedRuleSet(String version) {
        return ruleSets.compiled(version).orElseThrow(() -> new InvalidRequestException(
                "ruleSetVersion", "rule-set version " + version + " is not stored"));
    }

    private static void compare(String path, JsonNode recorded, JsonNode replayed, List<Difference> out) {
        if (out.size() >= MAX_DIFFERENCES || recorded.equals(replayed)) {
            return;
        }
        if (recorded.isObject() && replayed.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            recorded.fieldNames().forEachRemaining(names::add);
            replayed.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path + "/" + name, missingIfNull(recorded.get(name)), missingIfNull(replayed.get(name)), out);
            }
        } else if (recorded.isArray() && replayed.isArray() && recorded.size() == replayed.size()) {
            Iterator<JsonNode> a = recorded.elements();
            Iterator<JsonNode> b = replayed.elements();
            for (int i = 0; a.hasNext(); i++) {
                compare(path + "/" + i, a.next(), b.next(), out);
            }
        } else {
            out.add(new Difference(path.isEmpty() ? "/" : path, recorded, replayed));
        }
    }

    private static JsonNode missingIfNull(JsonNode node) {
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    }
}

package com.alvh.console;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.StoredEvaluation;
import com.alvh.lifecycle.ProfileVersions;
import com.alvh.lifecycle.RuleSetVersions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Lays a recorded answer out as the one-decision page: actions, signals, derived facts, firings and sources. */
@ApplicationScoped
class DecisionPages {

    @Inject
    ObjectMapper json;
    @Inject
    RuleSetVersions ruleSets;
    @Inject
    ProfileVersions profiles;

    DecisionPage page(StoredEvaluation stored, DecisionPage.Replay replay, DecisionPage.Check check) {
        var r = stored.record();
        JsonNode answer = parse(r.answerJson());
        JsonNode request = parse(r.requestJson());
        JsonNode decision = answer.path("decision");
        return new DecisionPage(r.evaluationId(), r.asOf().toString(), stored.recordedAt().toString(), r.profileName(),
                r.profileVersion(), r.ruleSetVersion(), r.dryRun(), callerOf(r), stored.seq(), stored.hash(),
                stored.prevHash(), actions(decision.path("actions")), text(decision.path("hedgeRatio").path("before")),
                text(decision.path("hedgeRatio").path("after")), signals(answer.path("signals")),
                flatten("", answer.path("derived"), new ArrayList<>()), firings(answer.path("firings")),
                sources(r.ruleSetVersion(), answer.path("firings")), profileValues(r.profileName(), r.profileVersion()),
                replay, check);
    }

    /** The authenticated caller, part of the hashed record ("anonymous" for records made without one). */
    private static String callerOf(com.alvh.audit.EvaluationRecord r) {
        return r.caller() == null || r.caller().isBlank() ? com.alvh.audit.EvaluationRecord.ANONYMOUS : r.caller();
    }

    private static List<DecisionPage.Action> actions(JsonNode actions) {
        List<DecisionPage.Action> out = new ArrayList<>();
        for (JsonNode a : actions) {
            StringBuilder summary = new StringBuilder(a.path("type").asText());
            for (String field : List.of("tranche", "instrument", "expiry", "contracts", "rollFrom", "rollCost")) {
                JsonNode v = a.path(field);
                if (!v.isMissingNode() && !v.isNull()) {
                    summary.append(" · ").append(field).append(' ').append(v.isTextual() ? v.asText() : v.toString());
                }
            }
            List<DecisionPage.Reason> reasons = new ArrayList<>();
            for (JsonNode reason : a.path("reasons")) {
                reasons.add(new DecisionPage.Reason(reason.path("rule").asText(), reason.path("signal").asText(""),
                        reason.path("text").asText()));
            }
            out.add(new DecisionPage.Action(summary.toString(), reasons));
        }
        return out;
    }

    private static List<DecisionPage.Signal> signals(JsonNode signals) {
        List<DecisionPage.Signal> out = new ArrayList<>();
        for (JsonNode s : signals) {
            out.add(new DecisionPage.Signal(s.path("name").asText(), s.path("active").asBoolean(),
                    s.path("available").asBoolean(true), text(s.path("value")), text(s.path("threshold")),
                    s.path("text").asText(""), s.path("rule").asText("")));
        }
        return out;
    }

    private static List<DecisionPage.Firing> firings(JsonNode firings) {
        List<DecisionPage.Firing> out = new ArrayList<>();
        for (JsonNode f : firings) {
            List<String> matched = new ArrayList<>();
            for (JsonNode m : f.path("matched")) {
                List<String> fields = new ArrayList<>();
                m.path("fields").fields().forEachRemaining(e -> fields.add(e.getKey() + "=" + text(e.getValue())));
                matched.add(m.path("type").asText() + " {" + String.join(", ", fields) + "}");
            }
            out.add(new DecisionPage.Firing(f.path("seq").asInt(), f.path("rule").asText(), f.path("ruleFile").asText(),
                    matched));
        }
        return out;
    }

    /** Each fired rule once, in first-firing order, cut from its file as it was at the recorded version. */
    private List<Views.SourceBlock> sources(String version, JsonNode firings) {
        Map<String, String> files;
        try {
            files = ruleSets.files(version, "ruleSetVersion");
        } catch (RuntimeException e) {
            return List.of(new Views.SourceBlock("Sources of " + version + " are not stored", "", List.of()));
        }
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<Views.SourceBlock> out = new ArrayList<>();
        for (JsonNode f : firings) {
            String rule = f.path("rule").asText();
            String file = f.path("ruleFile").asText();
            if (seen.add(file + "\u0000" + rule)) {
                String source = files.getOrDefault(file, "");
                out.add(new Views.SourceBlock(rule, file, SourceExcerpts.rule(source, rule)));
            }
        }
        return out;
    }

    private List<Views.Pair> profileValues(String name, String version) {
        try {
            var at = profiles.at(name, version);
            return at.values() == null ? List.of(new Views.Pair("(source)", at.source()))
                    : flatten("", json.valueToTree(at.values()), new ArrayList<>());
        } catch (RuntimeException e) {
            return List.of(new Views.Pair("(unavailable)", e.getMessage()));
        }
    }

    /** Scalars by dotted path; arrays of scalars on one line. */
    static List<Views.Pair> flatten(String prefix, JsonNode node, List<Views.Pair> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else if (!node.isMissingNode()) {
            out.add(new Views.Pair(prefix, text(node)));
        }
        return out;
    }

    private static String text(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "—";
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}

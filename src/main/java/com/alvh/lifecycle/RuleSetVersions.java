package com.alvh.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditTrail;
import com.alvh.audit.StoredVersionInfo;
import com.alvh.audit.VersionEvent;
import com.alvh.cluster.ActivationNotices;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleError;
import com.alvh.engine.RuleSetRegistry;
import com.alvh.evaluation.InvalidRequestException;

/**
 * The history of rule-set versions: every stored version with who created and activated it, diffs between any
 * two, the scenario gate of each, and activation (rollback is activating an older one).
 */
@ApplicationScoped
public class RuleSetVersions {

    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final RuleSetRegistry registry;
    private final RuleSetService ruleSets;
    private final AuditTrail audit;
    private final VersionHistory history;
    /** Rule names per version: a version's sources never change, so this only grows with new versions. */
    private final Map<String, List<String>> rulesByVersion = new ConcurrentHashMap<>();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();
    private final ProfileRegistry profiles;
    @Inject
    ActivationNotices notices;

    @Inject
    public RuleSetVersions(RuleSetRegistry registry, RuleSetService ruleSets, AuditTrail audit, VersionHistory history,
                           ProfileRegistry profiles) {
        this.registry = registry;
        this.profiles = profiles;
        this.ruleSets = ruleSets;
        this.audit = audit;
        this.history = history;
    }

    /** One stored version as listed: newest first. {@code activatedAt/By} name its latest activation, if any. */
    public record VersionSummary(String version, Instant createdAt, String createdBy, Instant activatedAt,
                                 String activatedBy, boolean active) {
    }

    /** The diff of one file between two versions; {@code unified} is empty when the file is the same in both. */
    public record FileDiff(String file, String status, String unified, List<TextDiff.Row> rows) {
    }

    /** The outcome of the shipped scenarios against a version: passed when {@code failures} is empty. */
    public record Gate(String version, boolean passed, List<RuleError> failures) {
    }

    /** An activation: the version now active and the one it replaced. */
    public record Activation(String version, String previous, Instant activatedAt, String activatedBy) {
    }

    public List<VersionSummary> list() {
        String active = registry.active().map(CompiledRuleSet::version).orElse("");
        List<VersionEvent> events = history.events();
        List<VersionSummary> out = new ArrayList<>();
        for (StoredVersionInfo v : audit.ruleSetVersions()) {
            Optional<VersionEvent> created = events.stream()
                    .filter(e -> e.version().equals(v.version()) && VersionEvent.CREATED.equals(e.what())).findFirst();
            Optional<VersionEvent> activated = events.stream()
                    .filter(e -> e.version().equals(v.version()) && VersionEvent.ACTIVATED.equals(e.what()))
                    .reduce((first, second) -> second);
            out.add(new VersionSummary(v.version(), created.map(VersionEvent::at).orElse(v.storedAt()),
                    created.map(VersionEvent::actor).orElse("unknown"), activated.map(VersionEvent::at).orElse(null),
                    activated.map(VersionEvent::actor).orElse(null), v.version().equals(active)));
        }
        return out;
    }

    /** Every activation in order, oldest first: who activated which version when. */
    public List<VersionEvent> activations() {
        return history.events().stream().filter(e -> VersionEvent.ACTIVATED.equals(e.what())).toList();
    }

    /** Per file, how {@code against} becomes {@code version}: added, removed, changed or same. */
    public List<FileDiff> diff(String version, String against) {
        Map<String, String> after = files(version, "version");
        Map<String, String> before = files(against, "against");
        TreeSet<String> names = new TreeSet<>(after.keySet());
        names.addAll(before.keySet());
        List<FileDiff> out = new ArrayList<>();
        for (String name : names) {
            String a = before.getOrDefault(name, "");
            String b = after.getOrDefault(name, "");
            String status = !before.containsKey(name) ? "added" : !after.containsKey(name) ? "removed"
                    : a.equals(b) ? "same" : "changed";
            out.add(new FileDiff(name, status, TextDiff.unified(name, a, b), TextDiff.sideBySide(a, b)));
        }
        return out;
    }

    /**
     * Runs the scenario gate, or answers it from the last run: a rule-set version never changes, so the outcome only
     * changes with the profiles the scenarios use, which are part of the cache key.
     */
    public Gate gate(String version) {
        String key = version + "|" + profiles.all().stream().map(p -> p.profile().version()).toList();
        Gate known = gates.get(key);
        if (known != null) {
            return known;
        }
        List<RuleError> failures = registry.check(compiled(version));
        Gate gate = new Gate(version, failures.isEmpty(), failures);
        gates.put(key, gate);
        return gate;
    }

    /** Makes a stored version that passes the scenario gate the active one, noting who did it. */
    public Activation activate(String version, String caller) {
        CompiledRuleSet compiled = compiled(version);
        List<RuleError> failures = registry.check(compiled);
        if (!failures.isEmpty()) {
            throw new InvalidRuleSetException(failures);
        }
        CompiledRuleSet previous = registry.activate(compiled);
        String actor = caller == null || caller.isBlank() ? "anonymous" : caller;
        history.activated(compiled, actor);
        notices.activated(version);
        return new Activation(version, previous == null ? null : previous.version(), Instant.now(), actor);
    }

    /** Rule names per file of a version, in source order (for the rule picker and source views). */
    public Map<String, List<String>> rulesOf(String version) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        files(version, "version").forEach((file, source) -> out.put(file, ruleNames(source)));
        return out;
    }

    /** Every rule name in any stored version, sorted: what an auditor may search for. */
    public List<String> allRuleNames() {
        TreeSet<String> names = new TreeSet<>();
        for (StoredVersionInfo v : audit.ruleSetVersions()) {
            names.addAll(rulesByVersion.computeIfAbsent(v.version(), k -> audit.ruleSetFiles(k)
                    .map(files -> files.values().stream().flatMap(s -> ruleNames(s).stream()).toList())
                    .orElse(List.of())));
        }
        return List.copyOf(names);
    }

    /** The sources of a stored (or recently compiled) version; a 400 naming {@code field} when unknown. */
    public Map<String, String> files(String version, String field) {
        return ruleSets.find(version).map(RuleSetService.StoredVersion::files)
                .orElseThrow(() -> new InvalidRequestException(field, "unknown rule-set version " + version));
    }

    private CompiledRuleSet compiled(String version) {
        return ruleSets.compiled(version)
                .orElseThrow(() -> new InvalidRequestException("version", "unknown rule-set version " + version));
    }

    static List<String> ruleNames(String drl) {
        List<String> names = new ArrayList<>();
        Matcher m = RULE_NAME.matcher(drl);
        while (m.find()) {
            names.add(m.group(1).replace("\\\"", "\""));
        }
        return names;
    }
}

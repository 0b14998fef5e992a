package com.alvh.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditTrail;
import com.alvh.audit.VersionEvent;
import com.alvh.engine.CompiledRuleSet;

/**
 * Keeps the version history (who created and activated which rule-set version, and when) in the audit store, so
 * the list of versions shows it and a rollback is as traceable as the change it undoes.
 */
@ApplicationScoped
public class VersionHistory {

    /** The actor named for versions loaded from the watched rules directory. */
    public static final String RULES_DIR = VersionEvent.RULES_DIR;
    /** The actor named for profile versions loaded from the watched strategies directory. */
    public static final String STRATEGIES_DIR = "strategies-dir";

    private final AuditTrail audit;

    @Inject
    public VersionHistory(AuditTrail audit) {
        this.audit = audit;
    }

    /** Stores a compiled version and notes who created it, unless it was stored before. */
    public void created(CompiledRuleSet ruleSet, String actor) {
        created(ruleSet.version(), ruleSet.files(), actor);
    }

    /** As {@link #created(CompiledRuleSet, String)} for a version checked elsewhere (a candidate process). */
    public void created(String version, java.util.Map<String, String> files, String actor) {
        boolean known = events().stream().anyMatch(e -> e.version().equals(version)
                && VersionEvent.CREATED.equals(e.what()));
        audit.storeRuleSetVersion(version, files);
        if (!known) {
            audit.recordVersionEvent(event(version, VersionEvent.CREATED, actor));
        }
    }

    /** Notes an activation, unless the last activation already named this version (e.g. a restart). */
    public void activated(CompiledRuleSet ruleSet, String actor) {
        created(ruleSet, actor);
        if (!lastActivated().map(ruleSet.version()::equals).orElse(false)) {
            audit.recordVersionEvent(event(ruleSet.version(), VersionEvent.ACTIVATED, actor));
        }
    }

    /** Notes that a profile version serves, unless the profile's last activation already named it. */
    public void profileActivated(String name, String version, String actor) {
        List<VersionEvent> earlier = profileEvents(name);
        boolean same = !earlier.isEmpty() && earlier.get(earlier.size() - 1).version().equals(version);
        if (!same) {
            audit.recordVersionEvent(new VersionEvent(VersionEvent.PROFILE, name, version, VersionEvent.ACTIVATED,
                    Instant.now(), actor));
        }
    }

    /** The activations of one profile, oldest first. */
    public List<VersionEvent> profileEvents(String name) {
        return audit.versionEvents(VersionEvent.PROFILE, name).stream()
                .filter(e -> VersionEvent.ACTIVATED.equals(e.what())).toList();
    }

    public List<VersionEvent> events() {
        return audit.versionEvents(VersionEvent.RULE_SET, "");
    }

    private Optional<String> lastActivated() {
        List<VersionEvent> all = events();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (VersionEvent.ACTIVATED.equals(all.get(i).what())) {
                return Optional.of(all.get(i).version());
            }
        }
        return Optional.empty();
    }

    private static VersionEvent event(String version, String what, String actor) {
        return new VersionEvent(VersionEvent.RULE_SET, "", version, what, Instant.now(), actor);
    }
}

package com.alvh.lifecycle;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditTrail;
import com.alvh.evaluation.InvalidRequestException;
import com.alvh.strategy.InvalidProfileException;
import com.alvh.strategy.Profile;
import com.alvh.strategy.ProfileCatalog;
import com.alvh.strategy.ProfileParser;

/** The stored versions of each profile: list, view one as it was (schema-checked values), diff two. */
@ApplicationScoped
public class ProfileVersions {

    private final AuditTrail audit;
    private final ProfileRegistry profiles;
    private final VersionHistory history;
    private final com.alvh.cluster.ActivationNotices notices;

    @Inject
    public ProfileVersions(AuditTrail audit, ProfileRegistry profiles, VersionHistory history,
            com.alvh.cluster.ActivationNotices notices) {
        this.notices = notices;
        this.history = history;
        this.audit = audit;
        this.profiles = profiles;
    }

    /** One stored version of a profile; {@code loaded} when it is the one serving now. */
    public record VersionSummary(String name, String version, Instant storedAt, boolean loaded, Instant activatedAt,
                                 String activatedBy) {
    }

    /** A profile activation: the version now serving and the one it replaced. */
    public record Activation(String name, String version, String previous, Instant activatedAt, String activatedBy) {
    }

    /** A profile at a version: its YAML source and the values the schema check read from it. */
    public record ProfileAtVersion(String name, String version, String source, Profile values, boolean loaded) {
    }

    /** Stored versions, newest first; the loaded one is listed even before an evaluation stored it. */
    public List<VersionSummary> list(String name) {
        String loaded = loadedVersion(name);
        List<com.alvh.audit.VersionEvent> activations = history.profileEvents(name);
        List<VersionSummary> stored = audit.profileVersions(name).stream().map(v -> {
            var last = activations.stream().filter(e -> e.version().equals(v.version())).reduce((a, b) -> b);
            return new VersionSummary(name, v.version(), v.storedAt(), v.version().equals(loaded),
                    last.map(com.alvh.audit.VersionEvent::at).orElse(null),
                    last.map(com.alvh.audit.VersionEvent::actor).orElse(null));
        }).toList();
        if (!loaded.isEmpty() && stored.stream().noneMatch(VersionSummary::loaded)) {
            ProfileCatalog.LoadedProfile current = profiles.find(name).orElseThrow();
            audit.storeProfileVersion(name, loaded, current.source(), null);
            return list(name);
        }
        return stored;
    }

    /** Parsed versions: a version is a content hash, so what it parses to never changes. */
    private final java.util.Map<String, ProfileAtVersion> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    public ProfileAtVersion at(String name, String version) {
        ProfileAtVersion known = parsed.get(name + "\u0000" + version);
        if (known != null) {
            return new ProfileAtVersion(name, version, known.source(), known.values(), version.equals(loadedVersion(name)));
        }
        ProfileAtVersion read = read(name, version);
        if (read.values() != null) {
            parsed.put(name + "\u0000" + version, read);
        }
        return read;
    }

    private ProfileAtVersion read(String name, String version) {
        String source = profiles.find(name).filter(p -> p.profile().version().equals(version))
                .map(ProfileCatalog.LoadedProfile::source)
                .or(() -> audit.profileSource(version))
                .orElseThrow(() -> new InvalidRequestException("version", "unknown version " + version + " of profile " + name));
        try {
            Profile values = ProfileParser.parse(name, name + ".yaml", source);
            return new ProfileAtVersion(name, version, source, values, version.equals(loadedVersion(name)));
        } catch (InvalidProfileException e) {
            // stored versions were valid when stored; a schema that has since grown may refuse an old one
            return new ProfileAtVersion(name, version, source, null, false);
        }
    }

    /**
     * Makes a stored version of a profile the one that serves (rollback: an older one), after the shipped scenarios
     * pass with it; noted in the version history with the caller. It serves until the profile's file changes, also after
     * a restart and on the other replicas ({@link ProfileActivations}).
     */
    public Activation activate(String name, String version, String caller) {
        if (profiles.find(name).isEmpty()) {
            throw new InvalidRequestException("name", "unknown profile '" + name + "'");
        }
        ProfileAtVersion stored = at(name, version);
        if (stored.values() == null) {
            throw new InvalidRequestException("version", "version " + version + " of profile " + name
                    + " no longer passes the profile schema and cannot serve");
        }
        var previous = profiles.activate(new ProfileCatalog.LoadedProfile(stored.values(), name + ".yaml", stored.source()));
        String actor = caller == null || caller.isBlank() ? "anonymous" : caller;
        audit.storeProfileVersion(name, version, stored.source(), actor);
        history.profileActivated(name, version, actor);
        notices.profileActivated(name, version);
        return new Activation(name, version, previous.map(p -> p.profile().version()).orElse(null), Instant.now(), actor);
    }

    /** Unified diff and side-by-side rows of how {@code against} becomes {@code version}. */
    public RuleSetVersions.FileDiff diff(String name, String version, String against) {
        String after = at(name, version).source();
        String before = at(name, against).source();
        String file = name + ".yaml";
        return new RuleSetVersions.FileDiff(file, before.equals(after) ? "same" : "changed",
                TextDiff.unified(file, before, after), TextDiff.sideBySide(before, after));
    }

    private String loadedVersion(String name) {
        return profiles.find(name).map(p -> p.profile().version()).orElse("");
    }
}

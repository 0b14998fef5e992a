package com.alvh.lifecycle;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

import com.alvh.config.AlvhConfig;
import com.alvh.engine.RuleError;
import com.alvh.engine.RuleSetRegistry;
import com.alvh.strategy.ProfileCatalog;
import com.alvh.strategy.ProfileError;

/**
 * Holds the loaded profiles; a reload swaps the whole catalog at once, keeping the last good version of a bad file.
 * A strategist may activate a stored version of a profile (or roll back to one): it serves in place of the file's
 * until that profile's file changes, as an activated rule set serves until the rules directory changes.
 */
@ApplicationScoped
public class ProfileRegistry {

    private static final Logger LOG = Logger.getLogger(ProfileRegistry.class);

    private final AtomicReference<ProfileCatalog> catalog = new AtomicReference<>(ProfileCatalog.empty());
    private final AlvhConfig config;
    private final RuleSetRegistry ruleSets;
    private final ScenarioGate scenarios;

    private final MeterRegistry meters;
    /** Activated stored versions by profile name, with the file's version they were activated over. */
    private final java.util.Map<String, Pin> pins = new java.util.concurrent.ConcurrentHashMap<>();

    private record Pin(String fileVersion, ProfileCatalog.LoadedProfile profile) {
    }

    @Inject
    public ProfileRegistry(AlvhConfig config, RuleSetRegistry ruleSets, ScenarioGate scenarios, MeterRegistry meters) {
        this.config = config;
        this.ruleSets = ruleSets;
        this.scenarios = scenarios;
        this.meters = meters;
    }

    /**
     * Reloads the strategies directory. A changed profile must also pass the shipped scenarios with the active rule
     * set, like a rule edit; one that fails is refused and its previous version keeps serving.
     */
    public synchronized void reload() {
        ProfileCatalog previous = catalog.get();
        ProfileCatalog next = keepPins(ProfileCatalog.load(config.strategiesDir(), previous));
        for (var loaded : next.all()) {
            boolean changed = previous.find(loaded.profile().name())
                    .map(p -> !p.profile().version().equals(loaded.profile().version())).orElse(false);
            if (changed && ruleSets.active().isPresent()) {
                ProfileCatalog candidate = next;
                List<RuleError> failed = scenarios.check(ruleSets.active().get(), candidate::find);
                if (!failed.isEmpty()) {
                    // The profile file has no line to blame: the message carries the scenario's file:line instead.
                    RuleError first = failed.get(0);
                    next = next.refuse(loaded.profile().name(), previous.find(loaded.profile().name()),
                            new ProfileError(loaded.file(), "(scenarios)", 1, 1,
                                    first.file() + ":" + first.line() + ": " + first.message()
                                            + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : "")));
                }
            }
        }
        for (ProfileError error : next.errors()) {
            LOG.warnf("Profile refused, keeping the last good version if any: %s", error);
        }
        catalog.set(next);
        String result = next.errors().isEmpty() ? "success" : "failure";
        meters.counter("alvh.profile.reloads", "result", result).increment();
        LOG.infof("Profiles reloaded (%s): %s; %d refused", result, next.all().stream()
                .map(p -> p.profile().name() + "@" + p.profile().version().substring(7, 19)).toList(), next.errors().size());
    }

    /** An activated version stays while its profile's file is the one it was activated over. */
    private ProfileCatalog keepPins(ProfileCatalog fromFiles) {
        ProfileCatalog next = fromFiles;
        for (var pin : java.util.List.copyOf(pins.entrySet())) {
            String fileVersion = fromFiles.find(pin.getKey()).map(p -> p.profile().version()).orElse("");
            if (fileVersion.equals(pin.getValue().fileVersion())) {
                next = next.with(pin.getValue().profile());
            } else {
                pins.remove(pin.getKey());
                LOG.infof("Profile %s changed on disk: its file's version replaces the activated %s", pin.getKey(),
                        pin.getValue().profile().profile().version());
            }
        }
        return next;
    }

    /**
     * Makes a stored version of a profile the one that serves, once the shipped scenarios pass with it and the active
     * rule set; returns the version it replaced.
     *
     * @throws InvalidRuleSetException with the scenarios it fails
     */
    public synchronized Optional<ProfileCatalog.LoadedProfile> activate(ProfileCatalog.LoadedProfile stored) {
        String name = stored.profile().name();
        ProfileCatalog current = catalog.get();
        ProfileCatalog next = current.with(stored);
        if (ruleSets.active().isPresent()) {
            List<RuleError> failed = scenarios.check(ruleSets.active().get(), next::find);
            if (!failed.isEmpty()) {
                throw new InvalidRuleSetException(failed);
            }
        }
        Pin earlier = pins.get(name);
        String fileVersion = earlier != null ? earlier.fileVersion()
                : current.find(name).map(p -> p.profile().version()).orElse("");
        pins.put(name, new Pin(fileVersion, stored));
        catalog.set(next);
        LOG.infof("Profile %s version %s activated", name, stored.profile().version());
        return current.find(name);
    }

    public Optional<ProfileCatalog.LoadedProfile> find(String name) {
        return catalog.get().find(name);
    }

    public List<ProfileCatalog.LoadedProfile> all() {
        return catalog.get().all();
    }

    public List<ProfileError> errors() {
        return catalog.get().errors();
    }
}

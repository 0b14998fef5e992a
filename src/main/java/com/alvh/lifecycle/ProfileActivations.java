package com.alvh.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.alvh.audit.VersionEvent;
import com.alvh.strategy.ProfileCatalog;

/**
 * Makes a strategist's profile activation outlive the process that took it, as rule-set activations do: a restart
 * serves the activated version again, and the other replicas of a cluster switch to it. The version history is the
 * record: a profile's latest activation by a person (not {@link VersionHistory#STRATEGIES_DIR}) is what serves, for as
 * long as the profile's file holds what it held when that activation was made. A file changed since (while the
 * service was down, or by a redeploy) wins, as it does while the service runs ({@link ProfileRegistry}).
 */
@ApplicationScoped
public class ProfileActivations {

    private static final Logger LOG = Logger.getLogger(ProfileActivations.class);

    @Inject
    ProfileRegistry profiles;
    @Inject
    ProfileVersions versions;
    @Inject
    VersionHistory history;

    /** The latest activation of each profile this process has acted on. */
    private final Map<String, VersionEvent> followed = new ConcurrentHashMap<>();

    /**
     * At start, once the profile files are loaded and before they are noted in the version history: serves again each
     * profile version a person activated, unless the profile's file has changed since.
     */
    public void restoreAtStart() {
        for (ProfileCatalog.LoadedProfile loaded : profiles.all()) {
            String name = loaded.profile().name();
            List<VersionEvent> events = history.profileEvents(name);
            if (events.isEmpty()) {
                continue;
            }
            VersionEvent last = events.get(events.size() - 1);
            followed.put(name, last);
            String fileVersion = loaded.profile().version();
            if (fromFile(last) || last.version().equals(fileVersion)) {
                continue;
            }
            Optional<String> fileThen = events.subList(0, events.size() - 1).stream().filter(ProfileActivations::fromFile)
                    .map(VersionEvent::version).reduce((a, b) -> b);
            if (fileThen.map(fileVersion::equals).orElse(false)) {
                serve(name, last, "restored after the restart");
            } else {
                LOG.infof("Profile %s: its file changed since %s activated %s; the file's version %s serves", name,
                        last.actor(), last.version(), fileVersion);
            }
        }
    }

    /**
     * Switches to a profile version another replica's user activated since the last call; run by the activation
     * follower at every notice or poll. Loads of each replica's own strategies directory are not followed.
     */
    public void followLatest() {
        for (ProfileCatalog.LoadedProfile loaded : profiles.all()) {
            String name = loaded.profile().name();
            latestActivation(name).ifPresent(last -> {
                if (!last.equals(followed.put(name, last)) && !fromFile(last)
                        && !last.version().equals(loaded.profile().version())) {
                    serve(name, last, "activated on another replica");
                }
            });
        }
    }

    private void serve(String name, VersionEvent activation, String why) {
        ProfileVersions.ProfileAtVersion stored;
        try {
            stored = versions.at(name, activation.version());
        } catch (RuntimeException e) {
            LOG.errorf("Profile %s version %s (%s by %s) cannot be read: %s", name, activation.version(), why,
                    activation.actor(), e.getMessage());
            return;
        }
        if (stored.values() == null) {
            LOG.errorf("Profile %s version %s (%s by %s) no longer passes the profile schema; the file's version serves",
                    name, activation.version(), why, activation.actor());
            return;
        }
        try {
            profiles.activate(new ProfileCatalog.LoadedProfile(stored.values(), name + ".yaml", stored.source()));
            LOG.infof("Profile %s version %s serves: %s by %s", name, activation.version(), why, activation.actor());
        } catch (InvalidRuleSetException e) {
            LOG.errorf("Profile %s version %s (%s by %s) fails the scenarios with the active rule set: %s", name,
                    activation.version(), why, activation.actor(), e.getMessage());
        }
    }

    private Optional<VersionEvent> latestActivation(String name) {
        List<VersionEvent> events = history.profileEvents(name);
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    private static boolean fromFile(VersionEvent e) {
        return VersionHistory.STRATEGIES_DIR.equals(e.actor());
    }
}

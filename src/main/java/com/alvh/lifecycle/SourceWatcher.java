package com.alvh.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.alvh.cluster.ActiveVersionFollower;
import com.alvh.config.AlvhConfig;
import com.alvh.engine.RuleSetRegistry;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads rules and profiles at start, then polls both directories and reloads a directory once its change has
 * settled (two polls in a row see the same files), so a half-saved file is not compiled. Polling rather than
 * a WatchService: it behaves the same on every file system, including mounted volumes in containers.
 */
@ApplicationScoped
public class SourceWatcher {

    private static final Logger LOG = Logger.getLogger(SourceWatcher.class);

    private final AlvhConfig config;
    private final RuleSetRegistry rules;
    private final ProfileRegistry profiles;
    private final VersionHistory history;
    @Inject
    ActiveVersionFollower activeVersion;
    private ScheduledExecutorService poller;
    private String rulesSeen = "";
    private String profilesSeen = "";
    private volatile boolean started;

    @Inject
    public SourceWatcher(AlvhConfig config, RuleSetRegistry rules, ProfileRegistry profiles, VersionHistory history) {
        this.config = config;
        this.history = history;
        this.rules = rules;
        this.profiles = profiles;
    }

    void onStart(@Observes StartupEvent event) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alvh-source-watcher");
            t.setDaemon(true);
            return t;
        });
        poller.execute(this::initialLoad);
        if (!config.cluster().watchSources()) {
            LOG.info("Not watching the rules and strategies directories (alvh.cluster.watch-sources=false)");
            return;
        }
        long every = Math.max(config.reloadPollInterval().toMillis(), 50);
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** Whether the first load finished (readiness). */
    public boolean started() {
        return started;
    }

    private void initialLoad() {
        long t0 = System.nanoTime();
        // Fingerprints first: an edit made while the first compile runs must still be seen as a change afterwards.
        rulesSeen = fingerprint(config.rulesDir(), ".drl");
        profilesSeen = fingerprint(config.strategiesDir(), ".yaml");
        profiles.reload();
        activeVersion.load(this::reloadRules);
        started = true;
        LOG.infof("Rules and profiles loaded in %d ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private void poll() {
        try {
            rulesSeen = reloadWhenSettled(config.rulesDir(), ".drl", rulesSeen, this::reloadRules);
            profilesSeen = reloadWhenSettled(config.strategiesDir(), ".yaml", profilesSeen, profiles::reload);
        } catch (RuntimeException e) {
            LOG.warn("Reload poll failed; will try again", e);
        }
    }

    /** Reloads the rules directory and notes in the version history a version it made active. */
    private void reloadRules() {
        if (rules.reloadFromDirectory()) {
            rules.active().ifPresent(active -> {
                try {
                    history.activated(active, VersionHistory.RULES_DIR);
                } catch (RuntimeException e) {
                    LOG.warn("Could not note the rule-set activation in the version history", e);
                }
            });
        }
    }

    private String reloadWhenSettled(Path dir, String suffix, String seen, Runnable reload) {
        String now = fingerprint(dir, suffix);
        if (now.equals(seen)) {
            return seen;
        }
        sleep(config.reloadPollInterval().toMillis());
        if (now.equals(fingerprint(dir, suffix))) {
            reload.run();
            return now;
        }
        return seen;
    }

    private static String fingerprint(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return "(missing)";
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> paths = files.filter(p -> p.toString().endsWith(suffix) || p.toString().endsWith(".yml")
                    || p.toString().endsWith(".json")).sorted().toList();
            StringBuilder out = new StringBuilder();
            for (Path p : paths) {
                out.append(p).append('|').append(Files.size(p)).append('|').append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            return "(unreadable) " + e.getMessage();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

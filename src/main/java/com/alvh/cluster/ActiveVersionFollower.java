package com.alvh.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

import com.alvh.audit.AuditTrail;
import com.alvh.config.AlvhConfig;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.RuleSetRegistry;
import com.alvh.engine.SourceFiles;
import com.alvh.strategy.ContentHash;

/**
 * Makes the version history the source of truth of the active rule set. At start a replica serves the latest
 * activation (see {@link #load(Runnable)} for when the rules directory wins instead); afterwards, with
 * {@code alvh.cluster.follow-activations}, it switches to every newer activation, woken by a notice or by its poll.
 * A switch compiles the stored sources (hashed again on read, so an edited row is refused) and swaps only once
 * they compiled: until then the previous version answers, and no replica ever serves a version nobody activated.
 */
@ApplicationScoped
public class ActiveVersionFollower {

    private static final Logger LOG = Logger.getLogger(ActiveVersionFollower.class);

    @Inject
    AlvhConfig config;
    @Inject
    ActivationLog activations;
    @Inject
    ActivationListener listener;
    @Inject
    RuleSetRegistry registry;
    @Inject
    AuditTrail audit;

    /** Id of the newest activation this replica has acted on (served, or found unusable). */
    private volatile long followedId = -1;
    private volatile boolean stopping;
    private volatile Runnable alsoFollow = () -> { };
    private Thread thread;

    /**
     * The first rule-set load. The latest recorded activation is served, except when the rules directory is the
     * authoring source ({@code alvh.cluster.watch-sources}) and holds other files than it did when it was last
     * loaded: then it was edited while the service was down and {@code loadDirectory} runs, as it does when
     * nothing was ever activated or the stored version cannot be used.
     */
    public void load(Runnable loadDirectory) {
        load(loadDirectory, () -> { });
    }

    /**
     * {@link #load(Runnable)}, and when following activations, {@code alsoFollow} runs at every notice or poll too
     * (the profiles' activations, which live in the same version history).
     */
    public void load(Runnable loadDirectory, Runnable alsoFollow) {
        this.alsoFollow = alsoFollow;
        Optional<ActivationLog.Activation> latest = readLatest();
        String directory = ContentHash.ofFiles(SourceFiles.drl(config.rulesDir()));
        boolean watching = config.cluster().watchSources();
        Optional<String> fromDirectory = latest.isEmpty() ? Optional.empty()
                : activations.latestBy(com.alvh.audit.VersionEvent.RULES_DIR).map(ActivationLog.Activation::version);
        StartupSource source = StartupSource.choose(latest.map(ActivationLog.Activation::version), fromDirectory,
                directory, watching);
        if (source == StartupSource.DIRECTORY) {
            loadDirectory.run();
        } else if (serveAtStart(latest.get())) {
            LOG.infof("Serving rule set %s, the latest activation (by %s), not the rules directory's %s",
                    latest.get().version(), latest.get().actor(), directory);
        } else if (watching) {
            loadDirectory.run();
        }
        // else: not ready rather than serving a version that is not the active one, until the next activation
        // (or, when the database failed, the follower's next poll)
        if (config.cluster().followActivations()) {
            start();
        }
    }

    /** {@link #serve} at start; a database failure leaves {@link #followedId} alone, so the follower retries. */
    private boolean serveAtStart(ActivationLog.Activation activation) {
        try {
            boolean served = serve(activation);
            followedId = activation.id();
            return served;
        } catch (RuntimeException e) {
            LOG.warnf("Cannot load the active rule set %s from the database yet: %s", activation.version(), e.getMessage());
            return false;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void start() {
        thread = new Thread(this::run, "alvh-activation-follower");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Following rule-set activations (notices on %s, polling every %s)", ActivationNotices.CHANNEL,
                config.cluster().pollInterval());
    }

    private void run() {
        try {
            while (!stopping) {
                List<String> notices = listener.await(config.cluster().pollInterval());
                try {
                    notices.stream().filter(n -> n.startsWith(ActivationNotices.PREPARE))
                            .map(n -> n.substring(ActivationNotices.PREPARE.length())).distinct().forEach(this::prepare);
                    followLatest();
                } catch (RuntimeException e) {
                    LOG.warnf("Could not follow the latest activation, will try again: %s", e.getMessage());
                }
                try {
                    alsoFollow.run();
                } catch (RuntimeException e) {
                    LOG.warnf("Could not follow the latest profile activations, will try again: %s", e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            listener.close();
        }
    }

    /** Switches to the latest activation if it is newer than the one this replica acted on. */
    void followLatest() {
        Optional<ActivationLog.Activation> latest = activations.latest();
        if (latest.isPresent() && latest.get().id() > followedId) {
            serve(latest.get());
            followedId = latest.get().id();
        }
    }

    /** Compiles a gate-passing candidate ahead of its activation (kept among the registry's known versions). */
    private void prepare(String version) {
        if (registry.find(version).isPresent()) {
            return;
        }
        audit.ruleSetFiles(version).map(registry::compile).filter(RuleSetCompiler.Result::valid)
                .ifPresent(compiled -> LOG.infof("Rule set %s compiled ahead of its activation", version));
    }

    /**
     * Compiles the stored version and makes it active; false (logged) when it is not stored, its sources were
     * edited or it does not compile here. A database failure is thrown, so the caller tries again.
     */
    private boolean serve(ActivationLog.Activation activation) {
        if (registry.active().map(a -> a.version().equals(activation.version())).orElse(false)) {
            return true;
        }
        Map<String, String> files;
        try {
            files = audit.ruleSetFiles(activation.version()).orElse(null);
        } catch (com.alvh.audit.TamperedSourceException e) {
            LOG.errorf("Activation #%d cannot be served: %s", activation.id(), e.getMessage());
            return false;
        }
        if (files == null) {
            LOG.errorf("Activation #%d names %s, whose sources are not stored; not serving it", activation.id(),
                    activation.version());
            return false;
        }
        RuleSetCompiler.Result compiled = registry.compile(files);
        if (!compiled.valid()) {
            LOG.errorf("Activated rule set %s does not compile here (%s); still serving %s", activation.version(),
                    compiled.errors().get(0), registry.active().map(a -> a.version()).orElse("nothing"));
            return false;
        }
        registry.activate(compiled.ruleSet());
        return true;
    }

    private Optional<ActivationLog.Activation> readLatest() {
        try {
            return activations.latest();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the latest activation (%s); loading the rules directory", e.getMessage());
            return Optional.empty();
        }
    }
}

package com.alvh.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.alvh.cluster.ActiveVersionFollower;
import com.alvh.config.AlvhConfig;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleError;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.RuleSetRegistry;
import com.alvh.engine.SourceFiles;
import com.alvh.strategy.ContentHash;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads rules and profiles at start, then follows both directories. A change is taken once it has settled: no change
 * notice from the file system for {@code alvh.reload-quiet-period} ({@link DirectoryEvents}), or, where no notices
 * come (some network file systems and volumes) or with {@code alvh.reload-events=false}, the same content hash in two
 * consecutive polls. It goes live only if the whole directory, exactly as hashed, compiles and passes the gate, and is
 * still what is on disk once that is done; the swap is atomic ({@link RuleSetRegistry#activate}). A refused state is
 * reported as {@code lastError} only once it has stayed unchanged for {@link #ERROR_SETTLE_POLLS} more polls, so a
 * file caught between two writes is neither served nor reported. Every {@code Throwable} a reload can raise is
 * contained (logged, counted in {@code alvh_reload_failures_total{reason}}, made the last error) and polling goes on;
 * readiness reports a poller that stopped or hangs. All reloads run on the one poller thread, one at a time.
 */
@ApplicationScoped
public class SourceWatcher {

    /** Polls a refused state must stay unchanged before its errors are reported. */
    static final int ERROR_SETTLE_POLLS = 2;
    private static final Logger LOG = Logger.getLogger(SourceWatcher.class);

    private final AlvhConfig config;
    private final RuleSetRegistry rules;
    private final ProfileRegistry profiles;
    private final VersionHistory history;
    private final MeterRegistry meters;
    @Inject
    ActiveVersionFollower activeVersion;
    @Inject
    ProfileActivations profileActivations;
    private ScheduledExecutorService poller;
    private volatile ScheduledFuture<?> polling;
    private final Settling rulesState = new Settling();
    private final Settling profilesState = new Settling();
    private volatile boolean started;
    private volatile long pollStartedNanos;
    private volatile String lastContained;
    private DirectoryEvents events;
    private final AtomicBoolean quietCheckScheduled = new AtomicBoolean();

    /**
     * What one directory's polls and notices have seen: the state last acted on, the one seen once so far, and when
     * the last change notice came. Notices are written by the events thread; everything else only by the poller.
     */
    private static final class Settling {
        String applied = "";
        String pending = "";
        String refused = "";
        List<RuleError> refusedErrors = List.of();
        int refusedPolls;
        /** When the last change notice came (System.nanoTime), 0 before the first. */
        volatile long lastNotice;
        /** A notice not yet acted on: the quiet check will read the directory once it has been quiet long enough. */
        final AtomicBoolean noticed = new AtomicBoolean();
    }

    @Inject
    public SourceWatcher(AlvhConfig config, RuleSetRegistry rules, ProfileRegistry profiles, VersionHistory history,
            MeterRegistry meters) {
        this.config = config;
        this.history = history;
        this.rules = rules;
        this.profiles = profiles;
        this.meters = meters;
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
        if (config.reloadEvents()) {
            events = DirectoryEvents.watch(List.of(config.rulesDir(), config.strategiesDir()), this::noticed).orElse(null);
        }
        long every = Math.max(config.reloadPollInterval().toMillis(), 50);
        polling = poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (events != null) {
            events.close();
        }
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** Whether the first load finished (readiness). */
    public boolean started() {
        return started;
    }

    /** Why reloads no longer happen, if they do not: the poller stopped, or one poll has been running too long. */
    public Optional<String> pollerProblem() {
        ScheduledFuture<?> p = polling;
        if (p != null && p.isDone()) {
            return Optional.of("the reload poller stopped" + stopCause(p));
        }
        long since = pollStartedNanos;
        Duration stall = config.limits().reloadStall();
        if (since != 0 && System.nanoTime() - since > stall.toNanos()) {
            return Optional.of("the reload poller has been busy in one reload for more than " + stall.toSeconds()
                    + " s (a rule looping in the scenario gate?)");
        }
        return Optional.empty();
    }

    /** The last Throwable a reload raised and the poller contained, if any. */
    public Optional<String> lastContained() {
        return Optional.ofNullable(lastContained);
    }

    /** Stops polling, as a crashed poller thread would; for tests of readiness. */
    void stopPolling() {
        ScheduledFuture<?> p = polling;
        if (p != null) {
            p.cancel(false);
        }
    }

    private void initialLoad() {
        long t0 = System.nanoTime();
        try {
            // hashed before loading: a profile edited meanwhile then differs from what was applied, and is reloaded
            String profilesHash = Snapshot.hash(config.strategiesDir(), ".yaml", ".yml");
            profiles.reload();
            profileActivations.restoreAtStart();
            noteProfiles();
            Snapshot now = Snapshot.rules(config.rulesDir());
            // the latest activation, or this directory when it wins (docs/cluster.md)
            activeVersion.load(() -> loadDirectory(now), profileActivations::followLatest);
            rulesState.applied = now.hash();
            profilesState.applied = profilesHash;
            LOG.infof("Rules and profiles loaded in %d ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (Throwable e) {
            contain(e);
        } finally {
            started = true;
        }
    }

    private void loadDirectory(Snapshot now) {
        RuleSetCompiler.Result result = rules.attempt(now.drl());
        if (result.valid()) {
            activate(result.ruleSet());
        } else {
            refuse(result.errors());
        }
    }

    private void poll() {
        pollStartedNanos = System.nanoTime();
        try {
            pollRules();
        } catch (Throwable e) {
            contain(e);
        }
        try {
            pollProfiles();
        } catch (Throwable e) {
            contain(e);
        } finally {
            pollStartedNanos = 0;
        }
    }

    private void pollRules() {
        Snapshot now = Snapshot.rules(config.rulesDir());
        Settling s = rulesState;
        if (!settled(s, now.hash()) || !quietLongEnough(s)) {
            return;
        }
        if (now.hash().equals(s.refused)) {
            if (++s.refusedPolls == ERROR_SETTLE_POLLS) {
                refuse(s.refusedErrors);
                s.applied = now.hash();
            }
            return;
        }
        compileAndActivate(s, now);
    }

    /** The rules directory has been quiet for the quiet period since a change notice: take what is there now. */
    private void rulesQuiet() {
        Snapshot now = Snapshot.rules(config.rulesDir());
        Settling s = rulesState;
        if (now.hash().equals(s.applied)) {
            s.pending = "";
            s.refused = "";
            return;
        }
        // seen once now: the next poll counts it as settled, so a refused state's errors are held back as when polling
        s.pending = now.hash();
        if (!now.hash().equals(s.refused)) {
            compileAndActivate(s, now);
        }
    }

    /**
     * Compiles and checks a settled state and activates it, unless the directory changed meanwhile (then the newer
     * state comes through on its own, and this one is neither served nor reported).
     */
    private void compileAndActivate(Settling s, Snapshot now) {
        long start = System.nanoTime();
        RuleSetCompiler.Result result = rules.attempt(now.drl());
        long checked = System.nanoTime();
        if (!Snapshot.rules(config.rulesDir()).hash().equals(now.hash())) {
            s.pending = "";
            LOG.debugf("Rules changed while %s was compiled; not taken", now.hash());
            return;
        }
        if (result.valid()) {
            activate(result.ruleSet());
            s.applied = now.hash();
            s.refused = "";
            LOG.debugf("Rule set %s from the rules directory: %d ms after the last change notice, of which compiled and"
                    + " checked in %d ms, active %d ms later", now.hash(), sinceLastNotice(s, start), (checked - start)
                    / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
        } else {
            s.refused = now.hash();
            s.refusedErrors = result.errors();
            s.refusedPolls = 0;
        }
    }

    private static long sinceLastNotice(Settling s, long start) {
        long notice = s.lastNotice;
        return notice == 0 ? -1 : (System.nanoTime() - notice) / 1_000_000;
    }

    /** Makes a version from the directory active and notes it in the version history (who: the rules directory). */
    private void activate(CompiledRuleSet loaded) {
        rules.activateLoaded(loaded);
        try {
            history.activated(loaded, VersionHistory.RULES_DIR);
        } catch (RuntimeException e) {
            LOG.warn("Could not note the rule-set activation in the version history", e);
        }
    }

    private void pollProfiles() {
        String now = Snapshot.hash(config.strategiesDir(), ".yaml", ".yml");
        if (settled(profilesState, now) && quietLongEnough(profilesState)) {
            reloadProfiles(now);
        }
    }

    private void profilesQuiet() {
        String now = Snapshot.hash(config.strategiesDir(), ".yaml", ".yml");
        if (now.equals(profilesState.applied)) {
            profilesState.pending = "";
        } else {
            reloadProfiles(now);
        }
    }

    private void reloadProfiles(String hash) {
        profiles.reload();
        profilesState.applied = hash;
        noteProfiles();
    }

    /**
     * On the events thread: something changed below {@code root}. The directory is read once it has been quiet for
     * the quiet period; until then polls leave it alone too.
     */
    private void noticed(Path root) {
        Settling s = root.equals(config.strategiesDir().toAbsolutePath().normalize()) ? profilesState : rulesState;
        s.lastNotice = System.nanoTime();
        s.noticed.set(true);
        scheduleQuietCheck(config.reloadQuietPeriod().toNanos());
    }

    private void scheduleQuietCheck(long inNanos) {
        if (quietCheckScheduled.compareAndSet(false, true)) {
            try {
                poller.schedule(this::quietCheck, Math.max(inNanos, 0), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                quietCheckScheduled.set(false); // shutting down
            }
        }
    }

    /** On the poller: acts on each directory that has been quiet long enough since a notice, waits again for the rest. */
    private void quietCheck() {
        quietCheckScheduled.set(false);
        long quiet = config.reloadQuietPeriod().toNanos();
        long wait = Long.MAX_VALUE;
        pollStartedNanos = System.nanoTime();
        try {
            for (Settling s : List.of(rulesState, profilesState)) {
                if (!s.noticed.get()) {
                    continue;
                }
                long notice = s.lastNotice;
                long since = System.nanoTime() - notice;
                if (since < quiet) {
                    wait = Math.min(wait, quiet - since);
                } else if (s.noticed.compareAndSet(true, false)) {
                    if (s.lastNotice != notice) { // a notice came just now: wait for that one's quiet period
                        s.noticed.set(true);
                        wait = Math.min(wait, quiet);
                        continue;
                    }
                    try {
                        if (s == rulesState) {
                            rulesQuiet();
                        } else {
                            profilesQuiet();
                        }
                    } catch (Throwable e) {
                        contain(e);
                    }
                }
            }
        } finally {
            pollStartedNanos = 0;
        }
        if (wait != Long.MAX_VALUE) {
            scheduleQuietCheck(wait);
        }
    }

    /** False while a change notice is waiting out its quiet period: the quiet check, not a poll, takes that change. */
    private boolean quietLongEnough(Settling s) {
        long notice = s.lastNotice;
        return !s.noticed.get() && (notice == 0 || System.nanoTime() - notice >= config.reloadQuietPeriod().toNanos());
    }

    /** Notes in the version history the profile versions that now serve (who: the strategies directory). */
    private void noteProfiles() {
        for (var loaded : profiles.all()) {
            try {
                history.profileActivated(loaded.profile().name(), loaded.profile().version(), VersionHistory.STRATEGIES_DIR);
            } catch (RuntimeException e) {
                LOG.warn("Could not note the profile activation in the version history", e);
            }
        }
    }

    /** True when {@code now} differs from what was applied and was also seen by the previous poll. */
    private static boolean settled(Settling s, String now) {
        if (now.equals(s.applied)) {
            s.pending = "";
            s.refused = "";
            return false;
        }
        boolean stable = now.equals(s.pending);
        s.pending = now;
        return stable;
    }

    private void refuse(List<RuleError> errors) {
        rules.refuse(errors);
        meters.counter("alvh.reload.failures", "reason", reason(errors)).increment();
    }

    private static final java.util.regex.Pattern THROWN_ERROR = java.util.regex.Pattern.compile(
            "(?:[a-z]\\w*\\.)*([A-Z]\\w*Error)\\b");

    /**
     * "refused" for compile errors and failed scenarios; the class of an {@code Error} rule code threw through the gate
     * (StackOverflowError, OutOfMemoryError...) when an error names one, so those can be alerted on apart.
     */
    static String reason(List<RuleError> errors) {
        for (RuleError e : errors) {
            var m = THROWN_ERROR.matcher(String.valueOf(e.message()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return "refused";
    }

    /** Keeps the poller alive whatever a reload threw; the reload counts as refused with the throwable as its error. */
    private void contain(Throwable e) {
        String reason = e.getClass().getSimpleName();
        lastContained = Instant.now() + " " + e;
        try {
            meters.counter("alvh.reload.failures", "reason", reason).increment();
            rules.refuse(List.of(new RuleError("(reload)", 1, 1, "the reload failed and was contained: " + e)));
            LOG.error("A reload failed; the poller keeps polling and the last good versions keep serving", e);
        } catch (Throwable ignored) {
            // even reporting failed (out of memory?): polling goes on regardless
        }
    }

    private static String stopCause(ScheduledFuture<?> p) {
        if (p.isCancelled()) {
            return " (cancelled)";
        }
        try {
            p.get();
            return "";
        } catch (ExecutionException e) {
            return ": " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (RuntimeException e) {
            return ": " + e;
        }
    }

    /** The content of a directory as one hash, read once, so what is compiled is exactly what was hashed. */
    record Snapshot(String hash, Map<String, String> drl) {

        static Snapshot rules(Path dir) {
            Map<String, String> drl = SourceFiles.drl(dir);
            Map<String, String> all = new TreeMap<>(drl);
            all.putAll(read(dir.resolve("scenarios"), ".json"));
            return new Snapshot(ContentHash.ofFiles(all), drl);
        }

        static String hash(Path dir, String... suffixes) {
            return ContentHash.ofFiles(read(dir, suffixes));
        }

        private static Map<String, String> read(Path dir, String... suffixes) {
            Map<String, String> files = new TreeMap<>();
            if (!Files.isDirectory(dir)) {
                return files;
            }
            try (Stream<Path> paths = Files.list(dir)) {
                for (Path p : paths.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (Files.isRegularFile(p) && Stream.of(suffixes).anyMatch(name::endsWith)) {
                        files.put(name, Files.readString(p, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return files;
        }
    }
}

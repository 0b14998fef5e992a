package com.alvh.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.backtest.data.DailyCloses;
import com.alvh.backtest.data.DataRowException;
import com.alvh.backtest.data.EventsCsv;
import com.alvh.backtest.data.IndexHistoryCsv;
import com.alvh.backtest.data.VxCurveCsv;
import com.alvh.backtest.data.VxCurveHistory;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleSetRegistry;
import com.alvh.evaluation.InvalidRequestException;
import com.alvh.evaluation.NotReadyException;
import com.alvh.lifecycle.ProfileRegistry;

/**
 * Backtests for API clients: a request carries the CSV files inline, runs in the background on the active rule
 * set, and is polled for progress; when done, its report (the same report.json and report.html as the command line)
 * can be fetched. Each job lives in its own directory under {@code <alvh.data-dir>/backtests/<id>} with its state in
 * {@code job.json}, so finished jobs survive a restart (a job still running at a restart is marked FAILED) and are
 * listed; jobs older than {@code alvh.backtests.retention} (default 7 days) are deleted when jobs are submitted or
 * listed, and at start.
 */
@ApplicationScoped
public class BacktestJobs {

    /** A job's state, as kept in its job.json. */
    public record Job(String id, String status, String progress, String error, Instant startedAt, Path dir,
                      String profile, LocalDate from, LocalDate to) {
        Job with(String newStatus, String newProgress, String newError) {
            return new Job(id, newStatus, newProgress, newError, startedAt, dir, profile, from, to);
        }
    }

    /** What job.json holds (the directory is where the file is). */
    record Stored(String id, String status, String progress, String error, Instant startedAt, String profile,
                  LocalDate from, LocalDate to) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .findAndRegisterModules().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What to backtest: CSV texts by role (spx, vix required; vix3m, vxCurve, events optional). */
    public record Spec(String profile, LocalDate from, LocalDate to, Map<String, String> files, Map<String, Object> config) {
    }

    private static final List<String> ROLES = List.of("spx", "vix", "vix3m", "vxCurve", "events");

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alvh-backtest");
        t.setDaemon(true);
        return t;
    });
    private final RuleSetRegistry ruleSets;
    private final ProfileRegistry profiles;
    private final Path root;
    private final java.time.Duration retention;

    @Inject
    public BacktestJobs(RuleSetRegistry ruleSets, ProfileRegistry profiles, com.alvh.config.AlvhConfig config,
                        @org.eclipse.microprofile.config.inject.ConfigProperty(name = "alvh.backtests.retention",
                                defaultValue = "P7D") java.time.Duration retention) {
        this.ruleSets = ruleSets;
        this.profiles = profiles;
        this.root = config.dataDir().resolve("backtests");
        this.retention = retention;
        loadStored();
        evict();
    }

    /** Every job still kept, newest first. */
    public List<Job> list() {
        evict();
        return jobs.values().stream().sorted(java.util.Comparator.comparing(Job::startedAt).reversed()).toList();
    }

    /** Deletes finished jobs older than the retention, with their files. */
    void evict() {
        Instant oldest = Instant.now().minus(retention);
        for (Job job : List.copyOf(jobs.values())) {
            if (!job.status().equals("RUNNING") && job.startedAt().isBefore(oldest)) {
                jobs.remove(job.id());
                deleteTree(job.dir());
            }
        }
    }

    private void loadStored() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                Path file = dir.resolve("job.json");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    Stored s = JSON.readValue(file.toFile(), Stored.class);
                    Job job = new Job(s.id(), s.status(), s.progress(), s.error(), s.startedAt(), dir, s.profile(),
                            s.from(), s.to());
                    if (job.status().equals("RUNNING")) {
                        job = job.with("FAILED", job.progress(), "interrupted by a restart of the service");
                        store(job);
                    }
                    jobs.put(job.id(), job);
                } catch (IOException | RuntimeException e) {
                    // An unreadable job file is skipped (and left for the operator), not a reason to refuse to start.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Job update(String id, java.util.function.UnaryOperator<Job> change) {
        Job job = jobs.computeIfPresent(id, (k, j) -> change.apply(j));
        if (job != null) {
            store(job);
        }
        return job;
    }

    private static void store(Job job) {
        try {
            Path tmp = job.dir().resolve("job.json.tmp");
            JSON.writeValue(tmp.toFile(), new Stored(job.id(), job.status(), job.progress(), job.error(), job.startedAt(),
                    job.profile(), job.from(), job.to()));
            Files.move(tmp, job.dir().resolve("job.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Left for the next eviction.
        }
    }

    public Job submit(Spec spec) {
        var profile = profiles.find(spec.profile()).orElseThrow(() -> new InvalidRequestException("profile",
                "unknown profile '" + spec.profile() + "'"));
        CompiledRuleSet rules = ruleSets.active().orElseThrow(NotReadyException::new);
        for (String role : spec.files().keySet()) {
            if (!ROLES.contains(role)) {
                throw new InvalidRequestException("files." + role, "unknown file role; expected one of " + ROLES);
            }
        }
        for (String required : List.of("spx", "vix")) {
            if (spec.files().get(required) == null) {
                throw new InvalidRequestException("files." + required, "is required (CSV text)");
            }
        }
        if (!spec.from().isBefore(spec.to())) {
            throw new InvalidRequestException("to", "must be after from");
        }
        BacktestConfig config;
        try {
            config = BacktestConfigOverrides.apply(BacktestConfig.defaults(), spec.config() == null ? Map.of() : spec.config());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage().substring(0, e.getMessage().indexOf(':')),
                    e.getMessage().substring(e.getMessage().indexOf(':') + 2));
        }
        evict();
        String id = UUID.randomUUID().toString();
        Path dir = writeFiles(root.resolve(id), spec.files());
        MarketHistory history;
        try {
            history = load(dir, spec.files());
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        Job job = new Job(id, "RUNNING", "queued", null, Instant.now(), dir, spec.profile(), spec.from(), spec.to());
        jobs.put(job.id(), job);
        store(job);
        runner.execute(() -> run(job.id(), history, spec, config, profile, rules));
        return job;
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** A report file of a finished job: report.json or report.html. */
    public Optional<String> report(String id, String file) {
        return find(id).filter(j -> j.status().equals("DONE")).map(j -> read(j.dir().resolve(file)));
    }

    private void run(String id, MarketHistory history, Spec spec, BacktestConfig config,
                     com.alvh.strategy.ProfileCatalog.LoadedProfile profile, CompiledRuleSet rules) {
        try {
            var result = Simulation.run(history, spec.from(), spec.to(), config, profile, rules, line -> { },
                    (done, total, date) -> {
                        if (done % 100 == 0 || done == total) {
                            update(id, j -> j.with("RUNNING", String.format(java.util.Locale.ROOT,
                                    "day %d/%d (%.0f%%) %s", done, total, 100.0 * done / total, date), null));
                        }
                    });
            BacktestReport.write(result, jobs.get(id).dir());
            update(id, j -> j.with("DONE", result.dates().size() + " days simulated", null));
        } catch (IOException | RuntimeException e) {
            update(id, j -> j.with("FAILED", j.progress(), e.getMessage()));
        }
    }

    /** Loads the files up front so that a bad row is a 422 on submit, not a failed job later. */
    private static MarketHistory load(Path dir, Map<String, String> files) {
        try {
            DailyCloses vix3m = files.containsKey("vix3m") ? IndexHistoryCsv.read(dir.resolve("vix3m.csv")) : null;
            VxCurveHistory curve = files.containsKey("vxCurve") ? VxCurveCsv.read(dir.resolve("vxCurve.csv")) : VxCurveHistory.empty();
            return MarketHistory.align(IndexHistoryCsv.read(dir.resolve("spx.csv")), IndexHistoryCsv.read(dir.resolve("vix.csv")),
                    vix3m, curve, files.containsKey("events") ? EventsCsv.read(dir.resolve("events.csv")) : List.of());
        } catch (DataRowException | IllegalArgumentException e) {
            throw new InvalidRequestException("files", e.getMessage().replace(dir.toString() + "/", ""));
        }
    }

    private static Path writeFiles(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (var file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey() + ".csv"), file.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}

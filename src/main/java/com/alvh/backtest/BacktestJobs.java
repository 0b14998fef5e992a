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
 * can be fetched. Jobs live in memory and their files in a temporary directory: a restart forgets them.
 */
@ApplicationScoped
public class BacktestJobs {

    /** A job's state; {@code report} is the report.json content once done. */
    public record Job(String id, String status, String progress, String error, Instant startedAt, Path dir) {
        Job with(String newStatus, String newProgress, String newError) {
            return new Job(id, newStatus, newProgress, newError, startedAt, dir);
        }
    }

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

    @Inject
    public BacktestJobs(RuleSetRegistry ruleSets, ProfileRegistry profiles) {
        this.ruleSets = ruleSets;
        this.profiles = profiles;
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
        Path dir = writeFiles(spec.files());
        MarketHistory history = load(dir, spec.files());
        Job job = new Job(UUID.randomUUID().toString(), "RUNNING", "queued", null, Instant.now(), dir);
        jobs.put(job.id(), job);
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
            var result = Simulation.run(history, spec.from(), spec.to(), config, profile, rules,
                    line -> jobs.computeIfPresent(id, (k, j) -> j.with("RUNNING", line, null)));
            BacktestReport.write(result, jobs.get(id).dir());
            jobs.computeIfPresent(id, (k, j) -> j.with("DONE", result.dates().size() + " days simulated", null));
        } catch (IOException | RuntimeException e) {
            jobs.computeIfPresent(id, (k, j) -> j.with("FAILED", j.progress(), e.getMessage()));
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

    private static Path writeFiles(Map<String, String> files) {
        try {
            Path dir = Files.createTempDirectory("alvh-backtest");
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

package com.alvh.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** ALVH's own settings, prefix {@code alvh}; each is also settable by its environment variable (ALVH_...). */
@ConfigMapping(prefix = "alvh")
public interface AlvhConfig {

    /** Directory of {@code *.drl} rule files, watched and hot-reloaded (ALVH_RULES_DIR). */
    @WithDefault("rules")
    Path rulesDir();

    /** Directory of {@code *.yaml} strategy profiles, watched and hot-reloaded (ALVH_STRATEGIES_DIR). */
    @WithDefault("strategies")
    Path strategiesDir();

    /** Where the embedded default database lives (ALVH_DATA_DIR). */
    @WithDefault("data")
    Path dataDir();

    /** Most rule firings one evaluation may take before it is stopped as a runaway (a rule loop). */
    @WithDefault("10000")
    int firingLimit();

    /**
     * How long one evaluation's rule code (constraints, consequences, functions) may run before it is stopped and
     * the evaluation answers 422 naming the rule (ALVH_EVALUATION_DEADLINE). The generated rule code is metered at
     * every loop and call, so a {@code while (true)} or a runaway recursion ends here and the worker is free again.
     * Also bounds scenario gates, replays and impact runs, which evaluate the same way.
     */
    @WithDefault("PT0.25S")
    Duration evaluationDeadline();

    /** How often the rule and profile directories are checked for changes. */
    @WithDefault("PT0.25S")
    Duration reloadPollInterval();

    /** The audit trail's writer. */
    Audit audit();

    /** Settings of the audit trail (see docs/audit-chain.md). */
    interface Audit {

        /** Most records the single chain writer commits in one transaction. */
        @WithDefault("256")
        int maxBatch();

        /** How long an evaluation waits for its record to commit before it fails instead of answering. */
        @WithDefault("30s")
        Duration appendTimeout();

        /**
         * Whether evaluations are recorded. Only for measuring the audit's cost in benchmarks: with false, answers
         * are not recorded, cannot be replayed and the tamper-evident trail has gaps in time.
         */
        @WithDefault("true")
        boolean recordEvaluations();

        /** H2 database file, derived from alvh.data-dir; set only to override. */
        Optional<String> h2File();
    }
}

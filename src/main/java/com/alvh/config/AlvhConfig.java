package com.alvh.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** ALVH's own settings, prefix {@code alvh}; each is also settable by its environment variable (ALVH_...). */
@ConfigMapping(prefix = "alvh")
public interface AlvhConfig {

    /** Directory of rule files ({@code *.drl}, decision tables {@code *.csv} / {@code *.xlsx}), watched and hot-reloaded (ALVH_RULES_DIR). */
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

    /**
     * Whether rule sets that passed the sandbox's checks keep their generated classes on disk, under
     * {@code <data-dir>/rule-cache}, so that a restart does not generate them again (ALVH_COMPILED_RULE_CACHE).
     * Read-back classes are verified and metered again; see {@code com.alvh.engine.CompiledClassCache}.
     */
    @WithDefault("true")
    boolean compiledRuleCache();

    /**
     * How often the rule and profile directories are read for changes. With {@link #reloadEvents()} off, a change is
     * taken once two polls in a row saw it; with it on, polling is the fallback for file systems that send no notices.
     */
    @WithDefault("PT0.25S")
    Duration reloadPollInterval();

    /**
     * Whether the rule and profile directories are also watched for the file system's change notices (inotify), so a
     * change is taken once nothing has changed for {@link #reloadQuietPeriod()}, instead of after two polls
     * (ALVH_RELOAD_EVENTS; false: polling only, as before).
     */
    @WithDefault("true")
    boolean reloadEvents();

    /**
     * How long a watched directory must stay free of change notices before it is read and compiled: an editor that
     * saves in several writes, or several files one after the other, within it gives one version.
     */
    @WithDefault("PT0.1S")
    Duration reloadQuietPeriod();

    // --- identity (feat/identity)
    /** Identity and roles (see docs/identity.md). */
    Identity identity();

    /** Settings of sign-in; users themselves live in the data dir (users.json). */
    interface Identity {

        /**
         * The claim of an OIDC bearer token that lists the caller's roles (client, auditor, strategist, operator);
         * used only when {@code quarkus.oidc.auth-server-url} is set (ALVH_IDENTITY_OIDC_ROLES_CLAIM).
         */
        @WithDefault("groups")
        String oidcRolesClaim();

        /**
         * Where users live (ALVH_IDENTITY_STORE): {@code file} ({@code users.json} in the data dir) or
         * {@code database} (the audit database, shared by replicas; the {@code pg} profile's choice).
         */
        @WithDefault("file")
        String store();

        /** Test profile only: users ({@code name:role+role}) written into the store at start. */
        Optional<java.util.List<String>> testUsers();

        /** Test profile only: the password of every {@link #testUsers()} user. */
        Optional<String> testPassword();
    }
    // --- end identity

    /** The audit trail's writer. */
    Audit audit();

    /** Settings of the audit trail (see docs/audit-chain.md). */
    interface Audit {

        /** Most records the single chain writer commits in one transaction. */
        @WithDefault("256")
        int maxBatch();

        /**
         * When the last commit held more than one record (evaluations are arriving together), how long at most the
         * writer lets the next batch fill up to the last one's size before committing it: fewer, larger commits cost
         * less per record (each H2 commit rewrites the changed pages of every index). A lone caller never waits for
         * it. 0 commits at once.
         */
        @WithDefault("1ms")
        Duration gatherTime();

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

        /** A signed checkpoint of the chain head is written after this many new records ... */
        @WithDefault("1000")
        int checkpointEvery();

        /** ... or this long after the last one, whichever comes first (docs/audit-chain.md). */
        @WithDefault("10s")
        Duration checkpointInterval();

        /**
         * PEM file holding the Ed25519 checkpoint key pair (PRIVATE KEY and PUBLIC KEY blocks); default
         * {@code <alvh.data-dir>/audit-checkpoint-key.pem}, generated owner-only on first start.
         */
        Optional<Path> checkpointKeyFile();

        /**
         * Threads that read and check the chain at the same time in a verify walk, each a stretch of seqs on its
         * own connection; default: the number of processors. Each stretch has at least 20,000 records, so a walk
         * over fewer than 40,000 uses one.
         */
        OptionalInt verifyThreads();
    }

    // ------------------------------------------------------------------------------------- ops (feat/ops)

    /** Limits the HTTP layer answers with problem+json (docs/errors.md). */
    Http http();

    /** Limits of requests, enforced in the router so the refusal is problem+json (com.alvh.api.HttpLayerProblems). */
    interface Http {

        /** Longest request URI answered; a longer one is a 414. */
        @WithDefault("4096")
        int maxUriLength();

        /** Largest header section (names, values, separators) answered; a larger one is a 431. */
        @WithDefault("16384")
        int maxHeaderBytes();
    }

    /** Idempotency-Key on POST /api/v1/evaluations (docs/errors.md). */
    Idempotency idempotency();

    /** How long idempotency keys are kept. */
    interface Idempotency {

        /** A key older than this counts as unused and is purged. */
        @WithDefault("P1D")
        Duration retention();
    }
    // --------------------------------------------------------------------------------------------- end ops

    // ---------------------------------------------------------------- isolation and door limits (feat/isolation)

    /** Untrusted rule sets (validation, candidates, dry runs, impact) run in a separate, disposable process. */
    Isolation isolation();

    /** Bounds on what one request may ask of the service. */
    Limits limits();

    /**
     * Settings of the candidate processes (com.alvh.lifecycle.isolation): each job gets a fresh JVM with its own
     * heap, CPU and wall-time limits, no network and only a scratch directory to write in.
     */
    interface Isolation {

        /**
         * Whether candidates run in a separate process (ALVH_ISOLATION_ENABLED). Switch off only for development:
         * with false a hostile candidate runs inside the service, next to the audit store.
         */
        @WithDefault("true")
        boolean enabled();

        /** Heap of one candidate process, as for {@code -Xmx} (e.g. 256m). */
        @WithDefault("256m")
        String memory();

        /**
         * Wall-clock limit of one job, JVM start included; the process stops itself shortly before it, naming the rule
         * it was running, and is killed at it.
         */
        @WithDefault("PT120S")
        Duration wallTime();

        /**
         * CPU time the candidate's own rule code may use in one run of the rules (the scenario gate, or one
         * evaluation), measured on the process's worker thread, so a loop is stopped at the same point however loaded
         * the host is; the process then answers with the rule it was running. A backstop behind the engine's own
         * deadline (alvh.evaluation-deadline), which stops a metered loop first.
         */
        @WithDefault("PT5S")
        Duration ruleCpuTime();

        /** CPU seconds one candidate process may use (prlimit --cpu when available; else the wall time alone holds). */
        @WithDefault("30")
        int cpuSeconds();

        /** Most candidate processes at once; a request beyond that gets 503 with Retry-After instead of waiting. */
        @WithDefault("2")
        int maxConcurrent();

        /** Largest answer a candidate process may give, in bytes; a longer one is refused as a failed job. */
        @WithDefault("16777216")
        int maxResultBytes();

        /**
         * Class path of the candidate processes; by default derived from the running service (its quarkus-app
         * directory, or java.class.path in tests and plain class-path launches).
         */
        Optional<String> classPath();

        /**
         * Whether to confine candidate processes with Linux namespaces ({@code unshare}: no network, read-only file
         * system but the scratch directory, no capabilities) when the host allows it; a start-up probe decides.
         */
        @WithDefault("true")
        boolean osSandbox();
    }

    /** Bounds on listings, impact analysis and dry runs. */
    interface Limits {

        /** Most recorded evaluations one impact analysis re-runs (its {@code limit}; also the default). */
        @WithDefault("2000")
        int impactMaxEvaluations();

        /** Longest asOf range one impact analysis may cover; an open range ends now and starts this long before. */
        @WithDefault("P366D")
        Duration impactMaxRange();

        /** Largest body of a dry run (an evaluation against a non-active version), in bytes; beyond: 413. */
        @WithDefault("262144")
        int dryRunMaxBytes();

        /** How long one reload may run before readiness reports the poller as stuck (DOWN). */
        @WithDefault("PT60S")
        Duration reloadStall();

        /** Free space the data directory's file system must keep; below it readiness is DOWN and evaluations 503. */
        @WithDefault("33554432")
        long minFreeDiskBytes();
    }
    // ------------------------------------------------------------ end isolation and door limits (feat/isolation)
    // ------------------------------------------------------------------------------ cluster (feat/scale)

    /** Several replicas over one PostgreSQL (docs/cluster.md). */
    Cluster cluster();

    /** How a replica follows the active rule-set version kept in the database. */
    interface Cluster {

        /**
         * Whether the rules and strategies directories are polled for edits after start (ALVH_CLUSTER_WATCH_SOURCES).
         * True by default: the single-machine authoring mode. The {@code pg} profile turns it off, so that every
         * replica serves the version activated through the API and an edited file on one machine changes nothing.
         */
        @WithDefault("true")
        boolean watchSources();

        /**
         * Whether this replica follows activations made through other replicas: it listens for PostgreSQL
         * notifications and polls the latest activation (ALVH_CLUSTER_FOLLOW_ACTIVATIONS). On in the {@code pg}
         * profile; off with the embedded H2 database, which only one process can open.
         */
        @WithDefault("false")
        boolean followActivations();

        /** How often the latest activation is read when no notification came (the fallback for lost ones). */
        @WithDefault("PT1S")
        Duration pollInterval();
    }
    // ------------------------------------------------------------------------------------- end cluster
}

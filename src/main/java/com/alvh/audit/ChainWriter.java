package com.alvh.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

import com.alvh.config.AlvhConfig;

/**
 * The single writer of the chain in this process. Callers compress their record's texts on their own thread,
 * queue it and wait; one thread takes everything queued (up to {@code alvh.audit.max-batch}), links it onto the
 * head read inside the same transaction, and commits once (group commit: one transaction, one fsync). A caller is
 * released only after that commit returned, so nothing is answered before it is durable.
 *
 * <p>Several processes on one PostgreSQL form one chain: each transaction first takes a transaction-scoped
 * advisory lock, so heads are read and extended one process at a time (no gap, no fork). H2 is single-process;
 * there a JVM-wide lock does the same for several writers in one JVM (tests).
 */
@ApplicationScoped
class ChainWriter {

    private static final Logger LOG = Logger.getLogger(ChainWriter.class);
    /** Advisory lock key of the chain head ("ALVH" in ASCII). */
    static final long HEAD_LOCK_KEY = 0x414C5648L;
    private static final ReentrantLock EMBEDDED_HEAD_LOCK = new ReentrantLock();
    /** Longest wait at shutdown for the upkeep thread's current round (a pause of 25 ms and one bounded compaction). */
    private static final long UPKEEP_STOP_MILLIS = 2_000;
    /** How often a gathering writer looks at the queue: a tenth of the default gather time. */
    private static final long GATHER_STEP_NANOS = 100_000;
    /** H2: the head the writers of this JVM committed last (guarded by EMBEDDED_HEAD_LOCK). */
    private static volatile Head embeddedLastCommitted;

    private record Pending(EvaluationRecord record, Payload payload, String actionTypesJson, String rulesFiredJson,
            CompletableFuture<StoredEvaluation> done) {
    }

    record Head(long seq, String hash) {
    }

    @Inject
    AuditDatabase database;

    /** Batch size and commit wait: {@code alvh.audit.max-batch}, {@code alvh.audit.append-timeout}. */
    @Inject
    AlvhConfig config;

    @Inject
    Instance<MeterRegistry> meterRegistry;

    @Inject
    Instance<Checkpoints> checkpointsInstance;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final MessageDigest sha256 = ChainHash.sha256();
    private volatile boolean stopping;
    private volatile boolean healthy = true;
    private volatile String lastFailure;
    private volatile Head lastCommitted;
    private Boolean postgres;
    /** Whether this writer has made sure the current payload dictionary is in the database (writer thread only). */
    private boolean dictionaryStored;
    private Thread writer;
    private Timer commitTimer;
    private DistributionSummary batchSizes;
    private Checkpoints checkpoints;
    private final EmbeddedStoreUpkeep upkeep = new EmbeddedStoreUpkeep();
    private Thread upkeepThread;

    @PostConstruct
    void start() {
        MeterRegistry meters = meterRegistry != null && meterRegistry.isResolvable() ? meterRegistry.get()
                : new SimpleMeterRegistry();
        commitTimer = Timer.builder("alvh.audit.commit").description("one group commit of audit records")
                .publishPercentiles(0.5, 0.99).register(meters);
        batchSizes = DistributionSummary.builder("alvh.audit.batch.size")
                .description("records per audit commit").publishPercentiles(0.5, 0.99).register(meters);
        checkpoints = checkpointsInstance != null && checkpointsInstance.isResolvable() ? checkpointsInstance.get()
                : null;
        writer = new Thread(this::run, "alvh-audit-writer");
        writer.setDaemon(true);
        writer.start();
        upkeepThread = new Thread(this::keepUp, "alvh-audit-upkeep");
        upkeepThread.setDaemon(true);
        upkeepThread.start();
    }

    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent ignored) {
        stopping = true;
        try {
            // not interrupted: an interrupt during file I/O would close H2's file channel; a round ends by itself
            upkeepThread.join(UPKEEP_STOP_MILLIS);
            writer.join(config.audit().appendTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False after a commit failed for a reason other than a bad record (database down, disk full, ...). */
    boolean healthy() {
        return healthy;
    }

    String lastFailure() {
        return lastFailure;
    }

    /** Records committed by this writer so far, as a distribution (count, mean, max). */
    DistributionSummary batchSizes() {
        return batchSizes;
    }

    /** The head this writer last committed, or {@code null} before its first commit. */
    Head lastCommitted() {
        return lastCommitted;
    }

    /** Tests only: the tables were emptied, so the last committed head no longer exists. */
    void forgetHead() {
        lastCommitted = null;
        embeddedLastCommitted = null;
    }

    StoredEvaluation append(EvaluationRecord record) {
        try {
            return submit(record).get();
        } catch (ExecutionException e) {
            throw (AuditWriteException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditWriteException("interrupted while recording " + record.evaluationId(), e);
        }
    }

    /**
     * Queues a record and returns at once; the future completes on the writer thread once the record is durable,
     * or fails with an {@link AuditWriteException} (bad record, database not writable, or no commit within
     * {@code alvh.audit.append-timeout}). Dependent stages run on the writer thread, so they must only hand over.
     */
    CompletableFuture<StoredEvaluation> submit(EvaluationRecord record) {
        if (stopping) {
            return CompletableFuture.failedFuture(new AuditWriteException("audit trail is shutting down", null));
        }
        // the expensive, per-record work happens here, in parallel on the callers' threads
        Pending p = new Pending(record, Payload.encode(record.requestJson(), record.answerJson(), record.traceJson()),
                CanonicalJson.array(record.actionTypes()), CanonicalJson.array(record.rulesFired()),
                new CompletableFuture<>());
        queue.add(p);
        return p.done().orTimeout(config.audit().appendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((stored, failure) -> {
                    if (failure != null) {
                        throw asWriteFailure(record, failure);
                    }
                    return stored;
                });
    }

    private static AuditWriteException asWriteFailure(EvaluationRecord record, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof AuditWriteException a) {
            return a;
        }
        if (cause instanceof TimeoutException) {
            return new AuditWriteException("recording " + record.evaluationId() + " timed out", cause);
        }
        return new AuditWriteException("could not record " + record.evaluationId(), cause);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(config.audit().maxBatch());
        int lastBatchSize = 0;
        while (!(stopping && queue.isEmpty())) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    if (lastBatchSize > 1) {
                        gather(Math.min(lastBatchSize, config.audit().maxBatch()));
                    }
                    batch.add(first);
                    queue.drainTo(batch, config.audit().maxBatch() - 1);
                    commitOrIsolate(batch);
                    lastBatchSize = batch.size();
                    batch.clear();
                } else {
                    lastBatchSize = 0;
                }
                checkpointIfDue(false);
                probeIfUnhealthy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("audit writer failed a batch", e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        checkpointIfDue(true);
    }

    /**
     * Group commit's gathering: the last commit held {@code expected} records, so more are probably on their way; let
     * them join this batch, for at most {@code alvh.audit.gather-time}, until as many as last time are queued (as
     * PostgreSQL's commit_delay waits when other transactions are active). Records that queued while the last commit
     * ran count, so a busy writer hardly waits; once a commit holds a single record again, nobody waits at all.
     */
    private void gather(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + config.audit().gatherTime().toNanos();
        // the first record is already taken off the queue
        while (queue.size() + 1 < expected && !stopping) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, GATHER_STEP_NANOS));
        }
    }

    /**
     * H2 file upkeep (compaction, fsync; see EmbeddedStoreUpkeep) on a thread of its own: MVStore rewrites live pages
     * while commits go on, as H2's own background writer would, so no batch waits for it. Ends by itself on
     * PostgreSQL (nothing to keep up) and at shutdown.
     */
    private void keepUp() {
        while (!stopping && !upkeep.unavailable()) {
            try {
                Thread.sleep(EmbeddedStoreUpkeep.ROUND_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (stopping) {
                return;
            }
            if (!healthy) {
                continue;
            }
            try (Connection c = database.dataSource().getConnection()) {
                upkeep.run(c);
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("audit store upkeep could not run: %s", e.getMessage());
            }
        }
    }

    private long lastProbeNanos;

    /** While unhealthy, try a one-row write once a second so readiness recovers even with no traffic. */
    private void probeIfUnhealthy() {
        if (healthy || System.nanoTime() - lastProbeNanos < 1_000_000_000L) {
            return;
        }
        lastProbeNanos = System.nanoTime();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("UPDATE audit_write_probe SET probed_at = ? WHERE id = 1")) {
                ps.setObject(1, EvaluationRows.timestamp(Instant.now()));
                ps.executeUpdate();
                c.commit();
            }
            LOG.info("audit trail can be written again");
            healthy = true;
        } catch (SQLException e) {
            lastFailure = e.getMessage();
        }
    }

    private void checkpointIfDue(boolean force) {
        Head head = lastCommitted;
        if (checkpoints == null || head == null) {
            return;
        }
        try {
            checkpoints.writeIfDue(head.seq(), head.hash(), force);
        } catch (RuntimeException e) {
            LOG.error("could not write an audit checkpoint", e);
        }
    }

    /**
     * One bad record (say a duplicate evaluationId) must not fail the records queued with it; but when the
     * database itself cannot be written, every waiting caller fails at once instead of one retry each.
     */
    private void commitOrIsolate(List<Pending> batch) {
        try {
            complete(batch, timedCommit(batch));
        } catch (SQLException batchFailure) {
            if (!isBadRecord(batchFailure)) {
                markUnhealthy(batchFailure);
                batch.forEach(p -> fail(p, batchFailure));
                return;
            }
            if (batch.size() == 1) {
                fail(batch.get(0), batchFailure);
                return;
            }
            for (Pending p : batch) {
                try {
                    complete(List.of(p), timedCommit(List.of(p)));
                } catch (SQLException e) {
                    if (!isBadRecord(e)) {
                        markUnhealthy(e);
                    }
                    fail(p, e);
                }
            }
        }
    }

    /** Integrity constraint violations (SQLState class 23) belong to a record, not to the database. */
    private static boolean isBadRecord(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private void markUnhealthy(SQLException e) {
        if (healthy) {
            LOG.errorf("audit trail cannot be written, failing evaluations until a write succeeds: %s",
                    e.getMessage());
        }
        lastFailure = e.getMessage();
        healthy = false;
    }

    private List<StoredEvaluation> timedCommit(List<Pending> batch) throws SQLException {
        long start = System.nanoTime();
        List<StoredEvaluation> stored = commit(batch);
        commitTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        batchSizes.record(batch.size());
        if (!healthy) {
            LOG.info("audit trail writes succeed again");
            healthy = true;
        }
        return stored;
    }

    private List<StoredEvaluation> commit(List<Pending> batch) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            boolean embedded = !isPostgres(c);
            if (embedded) {
                EMBEDDED_HEAD_LOCK.lock();
            }
            try {
                if (!embedded) {
                    lockHead(c);
                }
                Head head = head(c);
                Head mine = embeddedLastCommitted;
                if (embedded && mine != null && !mine.equals(head)) {
                    // single process: nobody but this JVM's writers appends, so the head moved behind their back
                    LOG.errorf("audit chain head changed outside the service: last committed seq %d (%s), found"
                            + " seq %d (%s); run GET /api/v1/audit/verify", mine.seq(), mine.hash(), head.seq(),
                            head.hash());
                }
                Instant recordedAt = ChainHash.stored(Instant.now());
                List<EvaluationRows.Linked> linked = new ArrayList<>(batch.size());
                List<StoredEvaluation> stored = new ArrayList<>(batch.size());
                long seq = head.seq();
                String prev = head.hash();
                for (Pending p : batch) {
                    seq++;
                    EvaluationRecord r = asStored(p.record());
                    String header = ChainHash.header(seq, r.evaluationId(), r.asOf(), r.evaluatedAt(), recordedAt,
                            r.profileName(), r.profileVersion(), r.ruleSetVersion(), r.dryRun(), p.actionTypesJson(),
                            p.rulesFiredJson(), r.caller());
                    String hash = ChainHash.compactHash(sha256, header, p.payload().bytes(), prev);
                    StoredEvaluation s = new StoredEvaluation(seq, r, recordedAt, prev, hash,
                            ChainHash.FORMAT_COMPACT, p.payload());
                    stored.add(s);
                    linked.add(new EvaluationRows.Linked(s, p.actionTypesJson(), p.rulesFiredJson()));
                    prev = hash;
                }
                if (!dictionaryStored) {
                    storeDictionary(c, PayloadDictionary.CURRENT, recordedAt);
                }
                EvaluationRows.insert(c, linked);
                c.commit();
                dictionaryStored = true;
                lastCommitted = new Head(seq, prev);
                if (embedded) {
                    embeddedLastCommitted = lastCommitted;
                }
                return stored;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                if (embedded) {
                    EMBEDDED_HEAD_LOCK.unlock();
                }
            }
        }
    }

    /** In the first batch's transaction: no record is committed before the dictionary its payload names. */
    private static void storeDictionary(Connection c, PayloadDictionary d, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO payload_dictionary (id, sha256, content, stored_at)"
                + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM payload_dictionary WHERE id = ?)")) {
            ps.setLong(1, d.id());
            ps.setString(2, HexFormat.of().formatHex(ChainHash.sha256().digest(d.bytes())));
            ps.setBytes(3, d.bytes());
            ps.setObject(4, EvaluationRows.timestamp(at));
            ps.setLong(5, d.id());
            ps.executeUpdate();
        }
    }

    private boolean isPostgres(Connection c) throws SQLException {
        if (postgres == null) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        return postgres;
    }

    /** Held until commit or rollback: the next process reads the head only after this one's rows are visible. */
    private static void lockHead(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_advisory_xact_lock(" + HEAD_LOCK_KEY + ")")) {
            rs.next();
        }
    }

    /** Read inside the transaction, so rows removed or added behind our back are taken into account. */
    static Head head(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, hash FROM evaluation ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, ChainHash.GENESIS);
        }
    }

    private static EvaluationRecord asStored(EvaluationRecord r) {
        return new EvaluationRecord(r.evaluationId(), ChainHash.stored(r.asOf()), ChainHash.stored(r.evaluatedAt()),
                r.profileName(), r.profileVersion(), r.ruleSetVersion(), r.dryRun(), r.actionTypes(), r.rulesFired(),
                r.requestJson(), r.answerJson(), r.traceJson(), r.caller());
    }

    private static void complete(List<Pending> batch, List<StoredEvaluation> stored) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(stored.get(i));
        }
    }

    private static void fail(Pending p, SQLException e) {
        p.done().completeExceptionally(new AuditWriteException(
                "could not record " + p.record().evaluationId() + ": " + e.getMessage(), e));
    }
}

package com.alvh.audit;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

import com.alvh.config.AlvhConfig;

/**
 * The single writer of the chain. Callers queue a record and wait; one thread takes everything queued
 * (up to {@code alvh.audit.max-batch}), links it onto the head read inside the same transaction, and commits
 * once (group commit). A caller is released only after that commit returned, so nothing is answered before
 * it is durable.
 */
@ApplicationScoped
class ChainWriter {

    private static final Logger LOG = Logger.getLogger(ChainWriter.class);

    private record Pending(EvaluationRecord record, CompletableFuture<StoredEvaluation> done) {
    }

    private record Head(long seq, String hash) {
    }

    @Inject
    AuditDatabase database;

    /** Batch size and commit wait: {@code alvh.audit.max-batch}, {@code alvh.audit.append-timeout}. */
    @Inject
    AlvhConfig config;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean stopping;
    private Thread writer;

    @PostConstruct
    void start() {
        writer = new Thread(this::run, "alvh-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent ignored) {
        stopping = true;
        try {
            writer.join(config.audit().appendTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    StoredEvaluation append(EvaluationRecord record) {
        if (stopping) {
            throw new AuditWriteException("audit trail is shutting down", null);
        }
        Pending p = new Pending(record, new CompletableFuture<>());
        queue.add(p);
        try {
            return p.done().get(config.audit().appendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AuditWriteException a ? a
                    : new AuditWriteException("could not record " + record.evaluationId(), e.getCause());
        } catch (TimeoutException e) {
            throw new AuditWriteException("recording " + record.evaluationId() + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditWriteException("interrupted while recording " + record.evaluationId(), e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(config.audit().maxBatch());
        while (!(stopping && queue.isEmpty())) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.audit().maxBatch() - 1);
                commitOrIsolate(batch);
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
    }

    /** One bad record (say a duplicate evaluationId) must not fail the records queued with it. */
    private void commitOrIsolate(List<Pending> batch) {
        try {
            complete(batch, commit(batch));
        } catch (SQLException batchFailure) {
            if (batch.size() == 1) {
                fail(batch.get(0), batchFailure);
                return;
            }
            for (Pending p : batch) {
                try {
                    complete(List.of(p), commit(List.of(p)));
                } catch (SQLException e) {
                    fail(p, e);
                }
            }
        }
    }

    private List<StoredEvaluation> commit(List<Pending> batch) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                Head head = head(c);
                Instant recordedAt = ChainHash.stored(Instant.now());
                List<StoredEvaluation> linked = new ArrayList<>(batch.size());
                long seq = head.seq();
                String prev = head.hash();
                for (Pending p : batch) {
                    seq++;
                    EvaluationRecord r = asStored(p.record());
                    String hash = ChainHash.hash(seq, r, recordedAt, prev);
                    linked.add(new StoredEvaluation(seq, r, recordedAt, prev, hash));
                    prev = hash;
                }
                EvaluationRows.insert(c, linked);
                c.commit();
                return linked;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Read inside the transaction, so rows removed or added behind our back are taken into account. */
    private static Head head(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, hash FROM evaluation ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, ChainHash.GENESIS);
        }
    }

    private static EvaluationRecord asStored(EvaluationRecord r) {
        return new EvaluationRecord(r.evaluationId(), ChainHash.stored(r.asOf()), ChainHash.stored(r.evaluatedAt()),
                r.profileName(), r.profileVersion(), r.ruleSetVersion(), r.dryRun(), r.actionTypes(), r.rulesFired(),
                r.requestJson(), r.answerJson(), r.traceJson());
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

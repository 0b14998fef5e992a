package com.alvh.lifecycle;

import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditTrail;
import com.alvh.config.AlvhConfig;
import com.alvh.evaluation.request.EvaluationRequest;

/**
 * {@code POST /api/v1/evaluations} with an {@code Idempotency-Key}: the first use evaluates and records as usual and
 * remembers key → body hash → evaluation id; a retry with the same key and the same body (byte for byte) answers
 * the recorded answer from the audit trail, with no second evaluation and no second record; the same key with
 * another body is refused (409). Only answered evaluations are remembered: a refused request may be retried.
 */
@ApplicationScoped
public class IdempotentEvaluations {

    /** Outcome of a keyed request: the answer JSON and whether it is a stored one answered again. */
    public record Answer(String json, boolean replayed) {
    }

    /** Serialises concurrent first uses of one key inside this instance (striped, so memory stays bounded). */
    private static final int STRIPES = 64;

    private final EvaluationService evaluations;
    private final IdempotencyKeys keys;
    private final AuditTrail audit;
    private final boolean recording;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    @Inject
    public IdempotentEvaluations(EvaluationService evaluations, IdempotencyKeys keys, AuditTrail audit,
            AlvhConfig config) {
        this.evaluations = evaluations;
        this.keys = keys;
        this.audit = audit;
        this.recording = config.audit().recordEvaluations();
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public Answer evaluate(EvaluationRequest request, String body, String key, String caller) {
        if (!recording) {
            // nothing is recorded to answer again from: every request is evaluated (documented)
            return new Answer(evaluations.evaluate(request, body, caller), false);
        }
        String bodyHash = IdempotencyKeys.sha256(body);
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), STRIPES)];
        lock.lock();
        try {
            var known = keys.find(key);
            if (known.isPresent()) {
                return answerAgain(known.get(), bodyHash);
            }
            EvaluationService.Evaluated fresh = evaluations.evaluateWithId(request, body, caller);
            var held = keys.remember(key, new IdempotencyKeys.Entry(bodyHash, fresh.evaluationId()));
            if (!held.evaluationId().equals(fresh.evaluationId())) {
                // another instance stored the key first; its evaluation is the one the key stands for
                return answerAgain(held, bodyHash);
            }
            return new Answer(fresh.answerJson(), false);
        } finally {
            lock.unlock();
        }
    }

    private Answer answerAgain(IdempotencyKeys.Entry entry, String bodyHash) {
        if (!entry.bodySha256().equals(bodyHash)) {
            throw new IdempotencyConflictException(entry.evaluationId());
        }
        return audit.find(entry.evaluationId())
                .map(stored -> new Answer(stored.record().answerJson(), true))
                .orElseThrow(() -> new IllegalStateException("evaluation " + entry.evaluationId()
                        + " named by an idempotency key is not in the audit trail"));
    }
}

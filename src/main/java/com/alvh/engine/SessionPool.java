package com.alvh.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Sessions of one rule set, kept for the next evaluation. A new session builds its node and segment memories as
 * facts flow in; a reset one keeps them, which makes the next evaluation's session about as cheap as a bare one
 * even with the firing trail attached. A session comes back only after a clean run and is reset at once (facts,
 * agenda, memories, globals, listeners and fact-handle counters, as Drools' own session pool does), so an idle
 * session holds nothing of a request and the next run starts as a new session would. A session whose run failed
 * (rule exception, deadline, firing limit) is disposed, never reused. At most {@link #MAX_IDLE} are kept.
 * Drools' {@code KieSessionsPool} is not used because its sessions cannot be taken out of the pool for good:
 * {@code destroy()} returns them like {@code dispose()}.
 */
final class SessionPool {

    /** Enough for the evaluating threads of a small machine; more concurrent runs just create sessions. */
    static final int MAX_IDLE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final KieBase kieBase;
    private final Queue<KieSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    KieSession take() {
        KieSession session = idle.poll();
        if (session == null) {
            return kieBase.newKieSession();
        }
        idleCount.decrementAndGet();
        return session;
    }

    /** Takes back a session whose run finished cleanly. */
    void giveBack(KieSession session) {
        try {
            ((StatefulKnowledgeSessionImpl) session).reset();
        } catch (RuntimeException | Error e) {
            discard(session);
            return;
        }
        if (idleCount.incrementAndGet() <= MAX_IDLE) {
            idle.offer(session);
        } else {
            idleCount.decrementAndGet();
            discard(session);
        }
    }

    /** Disposes of a session that must not be reused. */
    void discard(KieSession session) {
        try {
            session.dispose();
        } catch (RuntimeException | Error ignored) {
            // a session broken by rule code is dropped either way
        }
    }
}

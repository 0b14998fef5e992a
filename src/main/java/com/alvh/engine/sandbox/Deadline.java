package com.alvh.engine.sandbox;

import java.time.Duration;

/**
 * The clock rule code runs against (CPU time of the evaluating thread). The session runner opens a deadline on its thread; the metering that
 * {@link Metering} weaves into every generated method entry and backward branch calls {@link #check()}, which
 * throws {@link DeadlineExceeded} once the deadline has passed. A busy loop ignores {@code Thread.interrupt};
 * it cannot ignore this. Without an open deadline (class initialisation, the compiler) the check does nothing.
 * Public because generated classes call it; nothing else should.
 */
public final class Deadline {

    /** Most elements one array created by rule code may have (a guard against a single huge allocation). */
    public static final int MAX_ARRAY_LENGTH = 1 << 20;

    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    // slots of the per-thread state
    private static final int WALL = 0;
    private static final int BUDGET = 1;
    private static final int CPU_START = 2;
    private static final int EXPIRED = 3;

    private Deadline() {
    }

    /**
     * Opens a deadline of {@code budget} on this thread; close it with {@link #close()} in a finally. The budget
     * is CPU time of this thread: on a loaded machine a starved evaluation is not stopped for waiting its turn.
     * The cheap wall clock is read at each check; the thread's CPU time only once the wall clock says the
     * budget may be spent.
     */
    public static void open(Duration budget) {
        long nanos = Math.max(1, budget.toMillis()) * 1_000_000L;
        CURRENT.set(new long[] {System.nanoTime() + nanos, nanos, CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0, 0});
    }

    public static void close() {
        CURRENT.remove();
    }

    /** Whether the open deadline on this thread has passed (false without one). */
    public static boolean expired() {
        long[] d = CURRENT.get();
        return d != null && (d[EXPIRED] != 0 || System.nanoTime() - d[WALL] > 0 && spent(d));
    }

    /** Called by metered rule code at method entries and backward branches. */
    public static void check() {
        long[] d = CURRENT.get();
        if (d != null && System.nanoTime() - d[WALL] > 0 && spent(d)) {
            d[EXPIRED] = 1;
            throw new DeadlineExceeded(d[BUDGET] / 1_000_000L);
        }
    }

    /** Whether the budget is used up; if not, moves the wall mark to when it could be at the earliest. */
    private static boolean spent(long[] d) {
        if (d[EXPIRED] != 0 || !CPU_TIME) {
            return true;
        }
        long used = THREADS.getCurrentThreadCpuTime() - d[CPU_START];
        if (used >= d[BUDGET]) {
            return true;
        }
        d[WALL] = System.nanoTime() + Math.max(1_000_000L, d[BUDGET] - used);
        return false;
    }

    /** Called by metered rule code before it creates an array: refuses a negative or huge length. */
    public static int arrayLength(int length) {
        check();
        if (length > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("rule code may not create an array of " + length + " elements (limit "
                    + MAX_ARRAY_LENGTH + ")");
        }
        return length;
    }
}

package com.alvh.engine.sandbox;

import java.time.Duration;

/**
 * The clock rule code runs against. The session runner opens a deadline on its thread; the metering that
 * {@link Metering} weaves into every generated method entry and backward branch calls {@link #check()}, which
 * throws {@link DeadlineExceeded} once the deadline has passed. A busy loop ignores {@code Thread.interrupt};
 * it cannot ignore this. Without an open deadline (class initialisation, the compiler) the check does nothing.
 * Public because generated classes call it; nothing else should.
 */
public final class Deadline {

    /** Most elements one array created by rule code may have (a guard against a single huge allocation). */
    public static final int MAX_ARRAY_LENGTH = 1 << 20;

    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

    private Deadline() {
    }

    /** Opens a deadline {@code budget} from now on this thread; close it with {@link #close()} in a finally. */
    public static void open(Duration budget) {
        long millis = Math.max(1, budget.toMillis());
        CURRENT.set(new long[] {System.nanoTime() + millis * 1_000_000L, millis, 0});
    }

    public static void close() {
        CURRENT.remove();
    }

    /** Whether the open deadline on this thread has passed (false without one). */
    public static boolean expired() {
        long[] d = CURRENT.get();
        return d != null && (d[2] != 0 || System.nanoTime() - d[0] > 0);
    }

    /** Called by metered rule code at method entries and backward branches. */
    public static void check() {
        long[] d = CURRENT.get();
        if (d != null && System.nanoTime() - d[0] > 0) {
            d[2] = 1;
            throw new DeadlineExceeded(d[1]);
        }
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

package com.alvh.engine.sandbox;

/**
 * Thrown inside rule code when the evaluation's deadline has passed. An {@link Error}, so that a rule's
 * {@code catch (Exception e)} cannot swallow it (catching Throwable or Error is refused by the verifier), and
 * every later metering check throws it again, so even a swallowed one cannot buy more time.
 */
public final class DeadlineExceeded extends Error {

    public DeadlineExceeded(long budgetMillis) {
        super("rule code ran past the evaluation deadline of " + budgetMillis + " ms", null, false, true);
    }
}

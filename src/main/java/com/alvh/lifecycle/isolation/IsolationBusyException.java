package com.alvh.lifecycle.isolation;

/** Every candidate-process slot is taken; answered 503 with Retry-After rather than queued. */
public class IsolationBusyException extends RuntimeException {

    private final int retryAfterSeconds;

    public IsolationBusyException(int maxConcurrent, int retryAfterSeconds) {
        super("all " + maxConcurrent + " candidate-process slots are busy; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

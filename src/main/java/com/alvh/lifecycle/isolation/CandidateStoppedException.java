package com.alvh.lifecycle.isolation;

import com.alvh.engine.RuleError;

/**
 * A candidate process ended without a usable answer: killed at its wall-time or CPU limit, ended by the rule set,
 * out of memory, or it answered too much or garbage. The candidate is refused with this located reason.
 */
public class CandidateStoppedException extends RuntimeException {

    private final transient RuleError error;

    public CandidateStoppedException(String message) {
        super(message);
        this.error = new RuleError("(rule set)", 1, 1, message);
    }

    public RuleError error() {
        return error;
    }
}

package com.alvh.evaluation;

import java.util.List;

/**
 * A request that is well-formed but cannot be evaluated (legs out of order, condor expired, unknown profile,
 * an indicator a rule needs that is neither given nor derivable...). Answered as 422 with its violations.
 */
public class InvalidRequestException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid request" : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}

package com.alvh.lifecycle;

import java.util.List;

import com.alvh.evaluation.Violation;

/** Query parameters that cannot be read or are not known; answered 400 naming each of them. */
public class InvalidQueryException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidQueryException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid query"));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}

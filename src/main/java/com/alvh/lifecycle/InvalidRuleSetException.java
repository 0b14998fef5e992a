package com.alvh.lifecycle;

import java.util.List;

import com.alvh.engine.RuleError;

/** A candidate rule set that does not compile or breaks a check; answered 422 with its located errors. */
public class InvalidRuleSetException extends RuntimeException {

    private final transient List<RuleError> errors;

    public InvalidRuleSetException(List<RuleError> errors) {
        super(errors.isEmpty() ? "invalid rule set" : errors.get(0).file() + ":" + errors.get(0).line() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}

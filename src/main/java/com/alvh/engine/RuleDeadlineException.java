package com.alvh.engine;

/** Rule code ran past the evaluation deadline (a loop or deep recursion) and was stopped; names the rule. */
public class RuleDeadlineException extends RuleEvaluationException {

    public RuleDeadlineException(String rule, String message, Throwable cause) {
        super(rule, message, cause);
    }
}

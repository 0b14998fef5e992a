package com.alvh.engine;

/**
 * A rule failed while the session ran: it threw, or it kept firing past the firing limit.
 * Names the rule so the strategist knows which one to fix.
 */
public class RuleEvaluationException extends RuntimeException {

    private final String rule;

    public RuleEvaluationException(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}

package com.alvh.evaluation;

/** No rule set has compiled yet: the service is starting or every rule set so far was refused. Answered 503. */
public class NotReadyException extends RuntimeException {

    public NotReadyException() {
        super("no rule set is active yet; see GET /api/v1/rulesets/active for the load error");
    }
}

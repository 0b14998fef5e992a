package com.alvh.lifecycle;

/** An Idempotency-Key already used with another body; answered 409 problem+json. */
public class IdempotencyConflictException extends RuntimeException {

    private final String evaluationId;

    public IdempotencyConflictException(String evaluationId) {
        super("this Idempotency-Key was already used with a different body (evaluation " + evaluationId
                + "); send the same body to get that answer again, or use a new key");
        this.evaluationId = evaluationId;
    }

    public String evaluationId() {
        return evaluationId;
    }
}

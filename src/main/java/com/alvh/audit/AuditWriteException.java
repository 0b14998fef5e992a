package com.alvh.audit;

/** A record could not be made durable; the evaluation must not be answered as if it were recorded. */
public class AuditWriteException extends RuntimeException {

    public AuditWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}

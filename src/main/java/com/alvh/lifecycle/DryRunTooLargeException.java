package com.alvh.lifecycle;

/** A dry run's request is larger than alvh.limits.dry-run-max-bytes; answered 413. Dry runs are recorded too. */
public class DryRunTooLargeException extends RuntimeException {

    public DryRunTooLargeException(int maxBytes) {
        super("a dry run's request may be at most " + maxBytes + " bytes (it is recorded in the audit trail)");
    }
}

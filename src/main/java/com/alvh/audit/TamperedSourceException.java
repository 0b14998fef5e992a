package com.alvh.audit;

/** A stored rule-set or profile source no longer hashes to its version: it was edited in the database. */
public class TamperedSourceException extends RuntimeException {

    public TamperedSourceException(String what) {
        super("the stored sources of " + what + " do not hash to that version: they were changed after storing;"
                + " refusing to use them (see GET /api/v1/audit/verify)");
    }
}

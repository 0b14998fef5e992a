package com.alvh.lifecycle;

/** Answers cannot be recorded now (disk full, audit database not writable); answered 503 until the cause is gone. */
public class RecordingUnavailableException extends RuntimeException {

    public RecordingUnavailableException(String message) {
        super(message);
    }
}

package com.alvh.api;

/** A request body that is missing or not a JSON object. */
public class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message);
    }
}

package com.alvh.strategy;

import java.util.List;

/** A profile source that cannot be loaded; carries every located problem found. */
public class InvalidProfileException extends RuntimeException {

    private final transient List<ProfileError> errors;

    public InvalidProfileException(List<ProfileError> errors) {
        super(errors.isEmpty() ? "invalid profile" : errors.get(0).toString());
        this.errors = List.copyOf(errors);
    }

    public List<ProfileError> errors() {
        return errors;
    }
}

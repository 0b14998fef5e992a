package com.alvh.strategy;

/** A problem in a profile file, located for the strategist who has to fix it. */
public record ProfileError(String file, String field, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + " " + field + ": " + message;
    }
}

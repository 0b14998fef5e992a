package com.alvh.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses query parameters by hand so that a bad value is a 400 naming the parameter. */
final class QueryParameters {

    private QueryParameters() {
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "must be an ISO-8601 instant such as 2024-08-02T20:00:00Z");
        }
    }

    static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException(name, "must be an integer between " + min + " and " + max);
    }
}

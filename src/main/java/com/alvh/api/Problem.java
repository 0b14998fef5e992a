package com.alvh.api;

import java.util.List;

import com.alvh.evaluation.Violation;
import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details; {@code violations} names each bad field, {@code rule} a failing rule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> violations, String rule) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String title, String detail, List<Violation> violations) {
        return new Problem("about:blank", title, status, detail, violations, null);
    }
}

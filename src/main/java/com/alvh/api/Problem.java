package com.alvh.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.alvh.evaluation.Violation;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details; {@code type} is one of the documented {@link ProblemType} URIs, {@code violations}
 * names each bad field, {@code rule} a failing rule.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json); see docs/errors.md")
public record Problem(
        @Schema(description = "stable URI of the kind of problem", example = "https://alvh.dev/problems/invalid-fields") String type,
        @Schema(description = "short summary of the kind of problem") String title,
        @Schema(description = "HTTP status code", example = "400") int status,
        @Schema(description = "what went wrong with this request") String detail,
        @Schema(description = "each offending field and why") List<Violation> violations,
        @Schema(description = "the rule that failed, for rule-failed problems") String rule) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(ProblemType type, String detail, List<Violation> violations) {
        return new Problem(type.uri(), type.title(), type.status(), detail, violations, null);
    }

    /** A bare HTTP status (JAX-RS or Vert.x): the documented kind when there is one, else RFC 9457's about:blank. */
    static Problem ofStatus(int status, String reason, String detail) {
        ProblemType type = ProblemType.forHttpStatus(status);
        return type == null ? new Problem("about:blank", reason, status, detail, List.of(), null)
                : new Problem(type.uri(), type.title(), status, detail, List.of(), null);
    }
}

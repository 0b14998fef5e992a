package com.alvh.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Filters for {@link AuditTrail#search}; every filter may be {@code null} (not applied).
 *
 * @param from   earliest {@code asOf}, inclusive
 * @param to     latest {@code asOf}, inclusive
 * @param rule   name of a rule that fired
 * @param action one of {@link #ACTION_TYPES}
 * @param dryRun only dry runs ({@code true}), only production answers ({@code false}), or both ({@code null})
 * @param caller the name of the authenticated caller the record names (exact; "anonymous" for records without one)
 */
public record EvaluationQuery(Instant from, Instant to, String profile, String rule, String action, Boolean dryRun,
        String caller, int limit, int offset) {

    public static final Set<String> ACTION_TYPES = Set.of("ADD_LAYER", "REMOVE_LAYER", "ROLL_LAYER", "HOLD");
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    /** Without the dry-run filter. */
    public EvaluationQuery(Instant from, Instant to, String profile, String rule, String action, int limit,
            int offset) {
        this(from, to, profile, rule, action, null, null, limit, offset);
    }

    /** Without the caller filter. */
    public EvaluationQuery(Instant from, Instant to, String profile, String rule, String action, Boolean dryRun,
            int limit, int offset) {
        this(from, to, profile, rule, action, dryRun, null, limit, offset);
    }

    /** The same filters, another page. */
    public EvaluationQuery page(int pageLimit, int pageOffset) {
        return new EvaluationQuery(from, to, profile, rule, action, dryRun, caller, pageLimit, pageOffset);
    }

    public EvaluationQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (action != null && !ACTION_TYPES.contains(action)) {
            throw new IllegalArgumentException("action must be one of " + ACTION_TYPES);
        }
    }
}

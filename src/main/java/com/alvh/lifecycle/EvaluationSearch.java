package com.alvh.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditTrail;
import com.alvh.audit.EvaluationQuery;
import com.alvh.audit.StoredEvaluation;
import com.alvh.evaluation.Violation;

/**
 * The auditor's evaluation search, shared by the API and the console: reads the query parameters (refusing unknown
 * ones and accepting date-only bounds), answers a page with the total, and walks every match for exports.
 */
@ApplicationScoped
public class EvaluationSearch {

    /** The query parameters the search understands; any other is refused, so a typo never silently widens it. */
    public static final Set<String> PARAMETERS = Set.of("from", "to", "profile", "rule", "action", "caller", "dryRun",
            "limit", "offset");

    private static final int EXPORT_PAGE = EvaluationQuery.MAX_LIMIT;

    private final AuditTrail audit;

    @Inject
    public EvaluationSearch(AuditTrail audit) {
        this.audit = audit;
    }

    /** A page of matches, newest first, and how many match in all. */
    public record Page(List<StoredEvaluation> items, long total, EvaluationQuery query) {
    }

    /**
     * Reads search parameters (first value of each). {@code from} and {@code to} take an instant or a date: a date
     * means the start of that UTC day for {@code from} and its end (inclusive) for {@code to}.
     */
    public EvaluationQuery parse(Map<String, List<String>> parameters) {
        List<Violation> problems = new ArrayList<>();
        new TreeSet<>(parameters.keySet()).stream().filter(name -> !PARAMETERS.contains(name))
                .forEach(name -> problems.add(new Violation(name, "unknown query parameter; known: "
                        + String.join(", ", new TreeSet<>(PARAMETERS)))));
        Instant from = bound("from", first(parameters, "from"), false, problems);
        Instant to = bound("to", first(parameters, "to"), true, problems);
        String action = first(parameters, "action");
        if (action != null && !EvaluationQuery.ACTION_TYPES.contains(action)) {
            problems.add(new Violation("action", "must be one of ADD_LAYER, REMOVE_LAYER, ROLL_LAYER, HOLD"));
        }
        Boolean dryRun = flag("dryRun", first(parameters, "dryRun"), problems);
        String caller = first(parameters, "caller");
        if (caller != null && caller.length() > 200) {
            problems.add(new Violation("caller", "must be a user name of at most 200 characters"));
        }
        int limit = integer("limit", first(parameters, "limit"), EvaluationQuery.DEFAULT_LIMIT, 1,
                EvaluationQuery.MAX_LIMIT, problems);
        int offset = integer("offset", first(parameters, "offset"), 0, 0, Integer.MAX_VALUE, problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new Violation("from", "must not be after to"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidQueryException(problems);
        }
        return new EvaluationQuery(from, to, first(parameters, "profile"), first(parameters, "rule"), action, dryRun,
                caller, limit, offset);
    }

    public Page search(EvaluationQuery query) {
        return new Page(audit.search(query), audit.count(query), query);
    }

    /** Every match (limit and offset ignored), newest first, one page of the store at a time. */
    public void forEachMatch(EvaluationQuery query, Consumer<StoredEvaluation> sink) {
        for (int offset = 0; ; offset += EXPORT_PAGE) {
            List<StoredEvaluation> page = audit.search(query.page(EXPORT_PAGE, offset));
            page.forEach(sink);
            if (page.size() < EXPORT_PAGE) {
                return;
            }
        }
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).trim();
    }

    public static Instant bound(String name, String value, boolean endOfDay, List<Violation> problems) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                // the store keeps microseconds, so the last microsecond of the day is the inclusive end
                return endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1_000)
                        : day.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Violation(name, "must be a date (2024-08-01) or an ISO-8601 instant (2024-08-02T20:00:00Z)"));
            return null;
        }
    }

    private static Boolean flag(String name, String value, List<Violation> problems) {
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        problems.add(new Violation(name, "must be true or false"));
        return null;
    }

    private static int integer(String name, String value, int defaultValue, int min, int max, List<Violation> problems) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Violation(name, "must be an integer between " + min + " and " + max));
        return defaultValue;
    }
}

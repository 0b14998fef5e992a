package com.alvh.api;

import java.util.List;

/** A page of search results, newest first; ask for the next page with offset + limit. {@code total} counts all matches. */
public record EvaluationPage(List<EvaluationSummary> items, int limit, int offset, long total) {
}

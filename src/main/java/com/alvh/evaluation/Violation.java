package com.alvh.evaluation;

/** One problem with a request, naming the field as a JSON path (e.g. {@code condor.putShort}). */
public record Violation(String field, String message) {
}

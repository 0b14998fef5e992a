package com.alvh.api;

/**
 * Every kind of problem the service answers, each with a stable {@code type} URI (RFC 9457 §3.1.1) documented in
 * docs/errors.md. Clients branch on the URI, never on {@code title} or {@code detail}, which may be reworded.
 */
public enum ProblemType {
    BAD_REQUEST("bad-request", 400, "Bad Request"),
    MALFORMED_BODY("malformed-body", 400, "Malformed request"),
    INVALID_FIELDS("invalid-fields", 400, "Invalid request"),
    INVALID_PARAMETER("invalid-parameter", 400, "Bad Request"),
    /** Defined with the same scheme on feat/identity. */
    UNAUTHENTICATED("unauthenticated", 401, "Unauthenticated"),
    /** Defined with the same scheme on feat/identity. */
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not Found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method Not Allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not Acceptable"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 409, "Idempotency key reused"),
    SOURCE_ALTERED("source-altered", 409, "Stored source altered"),
    BODY_TOO_LARGE("body-too-large", 413, "Request body too large"),
    URI_TOO_LONG("uri-too-long", 414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type"),
    UNPROCESSABLE_REQUEST("unprocessable-request", 422, "Request cannot be evaluated"),
    RULE_SET_REFUSED("rule-set-refused", 422, "Rule set refused"),
    RULE_FAILED("rule-failed", 422, "Rule failed"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "Request headers too large"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    NOT_READY("not-ready", 503, "Not ready"),
    CANDIDATES_BUSY("candidates-busy", 503, "Candidate runner busy"),
    AUDIT_UNAVAILABLE("audit-unavailable", 503, "Audit trail unavailable");

    public static final String BASE = "https://alvh.dev/problems/";

    private final String uri;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.uri = BASE + slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The kind for a bare HTTP status raised by JAX-RS or Vert.x; {@code null} when none is documented. */
    public static ProblemType forHttpStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> BODY_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> NOT_READY;
            default -> status >= 500 ? INTERNAL_ERROR : null;
        };
    }
}

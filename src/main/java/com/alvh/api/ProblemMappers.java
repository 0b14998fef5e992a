package com.alvh.api;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.alvh.engine.RuleEvaluationException;
import com.alvh.evaluation.InvalidRequestException;
import com.alvh.lifecycle.IdempotencyConflictException;
import com.alvh.lifecycle.InvalidRuleSetException;
import com.alvh.evaluation.NotReadyException;
import com.alvh.evaluation.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** The one error contract: every failure becomes application/problem+json, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(Problem.of(ProblemType.MALFORMED_BODY, "The body is not valid JSON of the expected shape",
                List.of(new Violation(JsonErrors.field(e), JsonErrors.message(e)))));
    }

    /**
     * Wrong types, unknown fields and non-object bodies: without this more specific mapper Quarkus' built-in one
     * answers them with a bare 400 and no problem body.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return respond(Problem.of(ProblemType.INVALID_PARAMETER, "invalid parameter '" + e.parameter() + "'",
                List.of(new Violation(e.parameter(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response invalidQuery(com.alvh.lifecycle.InvalidQueryException e) {
        return respond(Problem.of(ProblemType.INVALID_PARAMETER, e.getMessage(), e.violations()));
    }

    @ServerExceptionMapper
    public Response malformed(MalformedBodyException e) {
        return respond(Problem.of(ProblemType.MALFORMED_BODY, e.getMessage(), List.of(new Violation("(body)", e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response constraints(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message)).toList();
        return respond(Problem.of(ProblemType.INVALID_FIELDS, "One or more fields are invalid", violations));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return respond(Problem.of(ProblemType.UNPROCESSABLE_REQUEST, e.getMessage(), e.violations()));
    }

    @ServerExceptionMapper
    public Response invalidRuleSet(InvalidRuleSetException e) {
        List<Violation> violations = e.errors().stream()
                .map(r -> new Violation("files." + r.file(), "line " + r.line() + ", column " + r.column() + ": " + r.message()))
                .toList();
        return respond(Problem.of(ProblemType.RULE_SET_REFUSED, e.getMessage(), violations));
    }

    @ServerExceptionMapper
    public Response rule(RuleEvaluationException e) {
        return respond(new Problem(ProblemType.RULE_FAILED.uri(), ProblemType.RULE_FAILED.title(), 422, e.getMessage(), List.of(), e.rule()));
    }

    @ServerExceptionMapper
    public Response idempotencyConflict(IdempotencyConflictException e) {
        return respond(Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED, e.getMessage(),
                List.of(new Violation(EvaluationResource.IDEMPOTENCY_KEY, "already used with a different body"))));
    }

    @ServerExceptionMapper
    public Response notReady(NotReadyException e) {
        return respond(Problem.of(ProblemType.NOT_READY, e.getMessage(), List.of()));
    }

    /** The audit trail cannot be written (database down, disk full): not answered, since it was not recorded. */
    @ServerExceptionMapper
    public Response auditWrite(com.alvh.audit.AuditWriteException e) {
        LOG.warn("evaluation not answered: " + e.getMessage());
        return DoorProblemMappers.withRetryAfter(Problem.of(ProblemType.AUDIT_UNAVAILABLE,
                "the evaluation could not be recorded, so it is not answered; retry later", List.of()),
                DoorProblemMappers.RECORDING_RETRY_AFTER);
    }

    /** A stored rule-set or profile source was edited in the database: refuse to replay with it. */
    @ServerExceptionMapper
    public Response tamperedSource(com.alvh.audit.TamperedSourceException e) {
        return respond(Problem.of(ProblemType.SOURCE_ALTERED, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.ofStatus(status, reason, e.getMessage()));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(ProblemType.INTERNAL_ERROR, "An unexpected error occurred; it has been logged", List.of()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Property path without the method and parameter names bean validation puts in front (any resource method). */
    static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        StringBuilder prefix = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER) {
                break;
            }
            prefix.append(node.getName()).append('.');
        }
        if (path.startsWith(prefix.toString())) {
            path = path.substring(prefix.length());
        } else if (!prefix.isEmpty() && path.contentEquals(prefix.subSequence(0, prefix.length() - 1))) {
            return "(body)";
        }
        return path.replaceAll("\\.<(list element|map value|map key)>", "").replaceAll("<(list element|map value|map key)>", "");
    }
}

package com.alvh.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.alvh.evaluation.Violation;
import com.alvh.lifecycle.DryRunTooLargeException;
import com.alvh.lifecycle.RecordingUnavailableException;
import com.alvh.lifecycle.isolation.IsolationBusyException;

/** Problems of the service's doors: capacity (503 with Retry-After) and size (413). Same contract as ProblemMappers. */
public class DoorProblemMappers {

    /** Seconds a client should wait before retrying when answers cannot be recorded. */
    static final int RECORDING_RETRY_AFTER = 5;

    @ServerExceptionMapper
    public Response busy(IsolationBusyException e) {
        return withRetryAfter(Problem.of(ProblemType.CANDIDATES_BUSY, e.getMessage(), List.of()), e.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public Response recordingUnavailable(RecordingUnavailableException e) {
        return withRetryAfter(Problem.of(ProblemType.AUDIT_UNAVAILABLE, "answers cannot be recorded now, so none is given: "
                + e.getMessage(), List.of()), RECORDING_RETRY_AFTER);
    }

    @ServerExceptionMapper
    public Response dryRunTooLarge(DryRunTooLargeException e) {
        return ProblemMappers.respond(Problem.of(ProblemType.BODY_TOO_LARGE, e.getMessage(),
                List.of(new Violation("(body)", e.getMessage()))));
    }

    static Response withRetryAfter(Problem problem, int seconds) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).header("Retry-After", seconds).entity(problem).build();
    }
}

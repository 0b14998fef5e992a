package com.alvh.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import com.alvh.config.AlvhConfig;
import com.alvh.identity.Caller;
import com.alvh.identity.Roles;
import com.alvh.lifecycle.EvaluationService;
import com.alvh.lifecycle.IdempotencyKeys;
import com.alvh.lifecycle.IdempotentEvaluations;
import com.alvh.lifecycle.ReplayService;
import com.alvh.evaluation.answer.EvaluationAnswer;
import com.alvh.evaluation.request.EvaluationRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code POST /api/v1/evaluations}: facts in, an explained layering decision out. */
@Path("/api/v1/evaluations")
@Tag(name = "evaluations")
public class EvaluationResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Tells a client whether the answer is a recorded one sent again for its Idempotency-Key. */
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final EvaluationService service;
    private final ReplayService replays;
    private final ObjectMapper json;
    private final Validator validator;
    private final IdempotentEvaluations idempotent;

    @Inject
    public EvaluationResource(EvaluationService service, ReplayService replays, ObjectMapper json, Validator validator,
                              IdempotentEvaluations idempotent, AlvhConfig config) {
        this.idempotent = idempotent;
        this.service = service;
        this.replays = replays;
        this.json = json;
        this.validator = validator;
    }

    /**
     * The body is read as text first so the audit trail keeps the request exactly as received. With an
     * {@code Idempotency-Key}, a retry of the same body answers the recorded answer (see docs/errors.md).
     */
    @RolesAllowed(Roles.CLIENT)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "evaluate",
            summary = "Evaluate market facts and condor state; recorded in the audit trail before it is answered")
    @APIResponse(responseCode = "200", description = "the decision, as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationAnswer.class)))
    @APIResponse(responseCode = "409", description = "the Idempotency-Key was already used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> evaluate(
            @Parameter(description = "optional client key (1-" + IdempotencyKeys.MAX_LENGTH + " printable ASCII"
                    + " characters) that makes a retry answer the recorded answer instead of evaluating again")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationRequest.class)))
            String body, @Context SecurityContext security) throws JsonProcessingException {
        if (idempotencyKey != null && !IdempotencyKeys.wellFormed(idempotencyKey)) {
            throw new BadParameterException(IDEMPOTENCY_KEY, "must be 1 to " + IdempotencyKeys.MAX_LENGTH
                    + " printable ASCII characters without spaces");
        }
        EvaluationRequest request = body == null || body.isBlank() ? null : json.readValue(body, EvaluationRequest.class);
        if (request == null) {
            throw new MalformedBodyException("the body must be a JSON object describing the evaluation");
        }
        Set<ConstraintViolation<EvaluationRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String caller = Caller.nameOf(security);
        if (idempotencyKey == null && request.ruleSetVersion() == null) {
            // evaluated on the event loop, which nothing here blocks: the answer goes out on the same event loop once
            // the audit writer has committed its record, sparing a worker thread and two hand-overs per request
            return Uni.createFrom().completionStage(service.evaluateActive(request, body, caller,
                    Infrastructure.getDefaultWorkerPool(), EventLoops.current()))
                    .map(answer -> Response.ok(answer, MediaType.APPLICATION_JSON).build());
        }
        // a key is looked up in the store, a stored version may be compiled
        return Uni.createFrom().item(() -> answer(request, body, idempotencyKey, caller))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response answer(EvaluationRequest request, String body, String idempotencyKey, String caller) {
        if (idempotencyKey == null) {
            return Response.ok(service.evaluate(request, body, caller), MediaType.APPLICATION_JSON).build();
        }
        IdempotentEvaluations.Answer answer = idempotent.evaluate(request, body, idempotencyKey, caller);
        return Response.ok(answer.json(), MediaType.APPLICATION_JSON)
                .header(IDEMPOTENT_REPLAYED, answer.replayed()).build();
    }

    /** Re-runs a recorded evaluation with its recorded versions; {@code identical} tells whether the answer matches. */
    @RolesAllowed(Roles.AUDITOR)
    @POST
    @Path("{id}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replayEvaluation",
            summary = "Replay a recorded evaluation with the recorded profile and rule-set versions")
    public ReplayService.Replay replay(@PathParam("id") String id) {
        return replays.replay(id).orElseThrow(() -> new NotFoundException("no evaluation with id '" + id + "'"));
    }
}

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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.alvh.identity.Roles;
import com.alvh.lifecycle.EvaluationService;
import com.alvh.lifecycle.ReplayService;
import com.alvh.evaluation.answer.EvaluationAnswer;
import com.alvh.evaluation.request.EvaluationRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code POST /api/v1/evaluations}: facts in, an explained layering decision out. */
@Path("/api/v1/evaluations")
public class EvaluationResource {

    private final EvaluationService service;
    private final ReplayService replays;
    private final ObjectMapper json;
    private final Validator validator;

    @Inject
    public EvaluationResource(EvaluationService service, ReplayService replays, ObjectMapper json, Validator validator) {
        this.service = service;
        this.replays = replays;
        this.json = json;
        this.validator = validator;
    }

    /**
     * The body is read as text first so the audit trail keeps the request exactly as received.
     */
    @RolesAllowed(Roles.CLIENT)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate market facts and condor state; recorded in the audit trail before it is answered")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "the decision",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = EvaluationAnswer.class)))
    public String evaluate(
            @RequestBody(content = @org.eclipse.microprofile.openapi.annotations.media.Content(
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = EvaluationRequest.class)))
            String body) throws JsonProcessingException {
        EvaluationRequest request = body == null || body.isBlank() ? null : json.readValue(body, EvaluationRequest.class);
        if (request == null) {
            throw new MalformedBodyException("the body must be a JSON object describing the evaluation");
        }
        Set<ConstraintViolation<EvaluationRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return service.evaluate(request, body);
    }

    /** Re-runs a recorded evaluation with its recorded versions; {@code identical} tells whether the answer matches. */
    @RolesAllowed(Roles.AUDITOR)
    @POST
    @Path("{id}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay a recorded evaluation with the recorded profile and rule-set versions")
    public ReplayService.Replay replay(@PathParam("id") String id) {
        return replays.replay(id).orElseThrow(() -> new NotFoundException("no evaluation with id '" + id + "'"));
    }
}

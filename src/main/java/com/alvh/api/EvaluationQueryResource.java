package com.alvh.api;

import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.alvh.evaluation.answer.EvaluationAnswer;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.alvh.audit.AuditTrail;
import com.alvh.audit.EvaluationQuery;
import com.alvh.audit.StoredEvaluation;
import com.alvh.identity.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The auditor's read side of {@code /api/v1/evaluations}: GET only; POST lives in the evaluation resource.
 */
@Tag(name = "evaluations")
@Path("/api/v1/evaluations")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.AUDITOR)
public class EvaluationQueryResource {

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    /** The stored answer plus request (as received), recordedAt, hash and dryRun. */
    @GET
    @Path("/{id}")
    @Operation(operationId = "getEvaluation", summary = "A recorded evaluation: the answer as sent plus the request, recordedAt, hash and dryRun")
    @APIResponse(responseCode = "200", description = "the stored answer with request, recordedAt, hash and dryRun",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationAnswer.class)))
    public Response find(@PathParam("id") String id) {
        Optional<StoredEvaluation> found = audit.find(id);
        if (found.isEmpty()) {
            throw new jakarta.ws.rs.NotFoundException("no evaluation with id '" + id + "'");
        }
        return Response.ok(view(found.get()), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Operation(operationId = "searchEvaluations", summary = "Recorded evaluations, newest first, filtered by asOf range, profile, rule and action")
    @APIResponse(responseCode = "200", description = "one page of summaries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationPage.class)))
    public Response search(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("profile") String profile, @QueryParam("rule") String rule,
            @QueryParam("action") String action, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        if (action != null && !action.isBlank() && !EvaluationQuery.ACTION_TYPES.contains(action)) {
            throw new BadParameterException("action", "must be one of ADD_LAYER, REMOVE_LAYER, ROLL_LAYER, HOLD");
        }
        EvaluationQuery query = new EvaluationQuery(QueryParameters.instant("from", from),
                QueryParameters.instant("to", to), blankToNull(profile), blankToNull(rule), blankToNull(action),
                QueryParameters.integer("limit", limit, EvaluationQuery.DEFAULT_LIMIT, 1, EvaluationQuery.MAX_LIMIT),
                QueryParameters.integer("offset", offset, 0, 0, Integer.MAX_VALUE));
        List<EvaluationSummary> items = audit.search(query).stream().map(EvaluationSummary::of).toList();
        return Response.ok(new EvaluationPage(items, query.limit(), query.offset()), MediaType.APPLICATION_JSON)
                .build();
    }

    private ObjectNode view(StoredEvaluation e) {
        var r = e.record();
        JsonNode stored = parsed(r.answerJson());
        ObjectNode answer;
        if (stored instanceof ObjectNode o) {
            answer = o;
        } else {
            // Never drop what was recorded: an answer that cannot be read back is shown as the text it is.
            answer = json.createObjectNode();
            answer.set("answerText", stored);
        }
        answer.set("request", parsed(r.requestJson()));
        answer.put("recordedAt", e.recordedAt().toString());
        answer.put("hash", e.hash());
        answer.put("dryRun", r.dryRun());
        return answer;
    }

    /** Stored text is JSON the service wrote itself; if not, show it as a string rather than fail. */
    private JsonNode parsed(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException ex) {
            return json.getNodeFactory().textNode(text);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package com.alvh.api;

import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.alvh.evaluation.answer.EvaluationAnswer;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.alvh.audit.AuditTrail;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.alvh.audit.RecordCheck;
import com.alvh.lifecycle.EvaluationSearch;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

    @Inject
    EvaluationSearch search;

    /** The stored answer plus request (as received), recordedAt, hash and dryRun. */
    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
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

    /**
     * Newest first, with the total number of matches in the body and in {@code X-Total-Count}. {@code from} and
     * {@code to} take an instant or a UTC date (to = end of that day, inclusive); unknown parameters are a 400.
     */
    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
    @GET
    @Operation(operationId = "searchEvaluations", summary = "Recorded evaluations, newest first, filtered by asOf range (dates or instants), profile, rule, action, caller and dry run; total count included")
    @APIResponse(responseCode = "200", description = "one page of summaries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationPage.class)))
    public Response search(@Context UriInfo uri) {
        EvaluationSearch.Page page = search.search(search.parse(uri.getQueryParameters()));
        List<EvaluationSummary> items = page.items().stream().map(EvaluationSummary::of).toList();
        return Response.ok(new EvaluationPage(items, page.query().limit(), page.query().offset(), page.total()),
                MediaType.APPLICATION_JSON).header("X-Total-Count", page.total()).build();
    }

    /** The same search, every match (limit and offset ignored), one column per scalar field. */
    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
    @GET
    @Path("/export.csv")
    @Produces({"text/csv", Problem.MEDIA_TYPE})
    @Operation(operationId = "exportEvaluationsCsv", summary = "Export a search as CSV, one column per scalar field")
    public Response exportCsv(@Context UriInfo uri) {
        var query = search.parse(uri.getQueryParameters());
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            SearchExport.csv(writer, sink -> search.forEachMatch(query, sink));
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"evaluations.csv\"").build();
    }

    /** The same search as JSON Lines: each line the stored record (answer, request, chain fields) as one object. */
    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
    @GET
    @Path("/export.jsonl")
    @Produces({AuditResource.NDJSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "exportEvaluationsJsonLines", summary = "Export a search as JSON Lines, one record object per line")
    public Response exportJsonLines(@Context UriInfo uri) {
        var query = search.parse(uri.getQueryParameters());
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            search.forEachMatch(query, e -> {
                try {
                    writer.write(json.writeValueAsString(view(e)));
                    writer.write('\n');
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
            writer.flush();
        };
        return Response.ok(body, AuditResource.NDJSON)
                .header("Content-Disposition", "attachment; filename=\"evaluations.jsonl\"").build();
    }

    /** This record's own hash recomputed and its link to the record before it. */
    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
    @GET
    @Path("/{id}/chain")
    @Operation(operationId = "checkEvaluationChainLink", summary = "Check one record's own hash and its link to the record before it")
    public RecordCheck chain(@PathParam("id") String id) {
        return audit.check(id).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no evaluation with id '" + id + "'"));
    }

    /** The stored record as a JSON object (answer, request, chain fields); also used by the console. */
    public ObjectNode view(StoredEvaluation e) {
        return record(e);
    }

    private ObjectNode record(StoredEvaluation e) {
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

}

package com.alvh.api;

import jakarta.annotation.security.RolesAllowed;
import com.alvh.audit.AuditTrail;
import com.alvh.audit.ChainVerification;
import com.alvh.identity.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Chain verification and export for auditors. */
@Path("/api/v1/audit")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    AuditTrail audit;

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public ChainVerification verify() {
        return audit.verify();
    }

    /** Records per UTC day of asOf, newest day first, for the last {@code days} days that have any (default 30). */
    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
    @GET
    @Path("/daily-counts")
    @Produces(MediaType.APPLICATION_JSON)
    public java.util.List<com.alvh.audit.DailyCount> dailyCounts(@QueryParam("days") String days) {
        return audit.dailyCounts(QueryParameters.integer("days", days, 30, 1, 3660));
    }

    /** JSON Lines of full records with seq, prevHash and hash; asOf in [from, to], both optional. */
    @GET
    @Path("/export")
    @Produces({NDJSON, Problem.MEDIA_TYPE})
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant fromInstant = QueryParameters.instant("from", from);
        Instant toInstant = QueryParameters.instant("to", to);
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            audit.export(fromInstant, toInstant, writer);
            writer.flush();
        };
        return Response.ok(body, NDJSON).build();
    }
}

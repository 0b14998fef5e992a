package com.alvh.api;

import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.alvh.audit.AuditTrail;
import com.alvh.audit.ChainVerification;
import com.alvh.identity.Roles;
import com.alvh.audit.Checkpoint;
import com.alvh.audit.Checkpoints;
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
import java.util.ArrayList;
import java.util.List;

/** Chain verification, signed checkpoints and export for auditors. */
@Tag(name = "audit")
@Path("/api/v1/audit")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    AuditTrail audit;

    /**
     * Without parameters: the full walk from seq 1, checked against every signed checkpoint. With
     * {@code from=checkpoint}: incremental, from the latest signed checkpoint on (see docs/audit-chain.md).
     */
    // roles: auditor
    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyAuditChain", summary = "Walk the audit chain (full, or from the latest signed checkpoint) and report whether every record and link is intact")
    public ChainVerification verify(@QueryParam("from") String from) {
        if (from == null || from.isBlank()) {
            return audit.verify();
        }
        if (!from.equals("checkpoint")) {
            throw new BadParameterException("from", "must be 'checkpoint' (or absent for the full walk)");
        }
        return audit.verifyFromCheckpoint();
    }

    /** One checkpoint as listed, with whether its signature holds under the service's public key. */
    public record ListedCheckpoint(long records, long headSeq, String headHash, String time, String signature,
            boolean signatureValid) {
        static ListedCheckpoint of(Checkpoints.Read r) {
            Checkpoint c = r.checkpoint();
            return new ListedCheckpoint(c.records(), c.headSeq(), c.headHash(), c.time(), c.signature(),
                    r.signatureValid());
        }
    }

    /** The checkpoint file's content: {@code latest} and the newest {@code limit} items, newest first. */
    public record CheckpointList(ListedCheckpoint latest, List<ListedCheckpoint> items, int total,
            String algorithm, String publicKey) {
    }

    @GET
    @Path("/checkpoints")
    @Operation(operationId = "listAuditCheckpoints", summary = "Signed checkpoints of the chain head, newest first, with the public key")
    @Produces(MediaType.APPLICATION_JSON)
    public CheckpointList checkpoints(@QueryParam("limit") String limit) {
        int max = QueryParameters.integer("limit", limit, 50, 1, 1000);
        List<Checkpoints.Read> all = audit.checkpoints();
        List<ListedCheckpoint> newestFirst = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && newestFirst.size() < max; i--) {
            newestFirst.add(ListedCheckpoint.of(all.get(i)));
        }
        return new CheckpointList(newestFirst.isEmpty() ? null : newestFirst.get(0), newestFirst, all.size(),
                "Ed25519", audit.checkpointPublicKey());
    }

    /** The key that verifies checkpoint signatures (X.509 SubjectPublicKeyInfo, base64 DER and PEM). */
    public record PublicKey(String algorithm, String publicKey, String pem) {
    }

    @GET
    @Path("/checkpoints/public-key")
    @Operation(operationId = "auditCheckpointPublicKey", summary = "The Ed25519 public key that verifies checkpoint signatures")
    @Produces(MediaType.APPLICATION_JSON)
    public PublicKey publicKey() {
        String der = audit.checkpointPublicKey();
        return new PublicKey("Ed25519", der, "-----BEGIN PUBLIC KEY-----\n" + der + "\n-----END PUBLIC KEY-----\n");
    }

    /** Records per UTC day of asOf, newest day first, for the last {@code days} days that have any (default 30). */
    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
    @GET
    @Path("/daily-counts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "auditDailyCounts", summary = "Recorded evaluations per UTC day, newest first")
    public java.util.List<com.alvh.audit.DailyCount> dailyCounts(@QueryParam("days") String days) {
        return audit.dailyCounts(QueryParameters.integer("days", days, 30, 1, 3660));
    }

    /** JSON Lines of full records with seq, prevHash and hash; asOf in [from, to], both optional. */
    @GET
    @Path("/export")
    @Produces({NDJSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "exportAuditRecords", summary = "Export full audit records (JSON Lines) with asOf in an optional range")
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

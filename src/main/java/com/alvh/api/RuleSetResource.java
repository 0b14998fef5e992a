package com.alvh.api;

import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import com.alvh.engine.RuleError;
import com.alvh.engine.RuleInfo;
import com.alvh.identity.Caller;
import com.alvh.identity.Roles;
import com.alvh.lifecycle.ImpactService;
import com.alvh.lifecycle.RuleSetService;
import com.alvh.lifecycle.RuleSetVersions;

/** Rule sets: the active one with its last load error, stored versions, validation and candidates. */
@Tag(name = "rulesets")
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    private final RuleSetService service;
    private final ImpactService impacts;
    private final RuleSetVersions versions;
    private final com.alvh.config.AlvhConfig.Limits limits;

    @Inject
    public RuleSetResource(RuleSetService service, ImpactService impacts, RuleSetVersions versions,
                           com.alvh.config.AlvhConfig config) {
        this.service = service;
        this.impacts = impacts;
        this.versions = versions;
        this.limits = config.limits();
    }

    /** Every stored version, newest first, with who created and last activated it. */
    // roles: auditor, strategist
    @RolesAllowed({Roles.AUDITOR, Roles.STRATEGIST})
    @GET
    @Operation(operationId = "listRuleSets", summary = "Every stored rule-set version, newest first, with who created and activated it")
    public List<RuleSetVersions.VersionSummary> list() {
        return versions.list();
    }

    /** Every activation, oldest first (the audit of who activated what when). */
    // roles: auditor, strategist
    @RolesAllowed({Roles.AUDITOR, Roles.STRATEGIST})
    @GET
    @Path("activations")
    @Operation(operationId = "listRuleSetActivations", summary = "The activation history of the rule set, oldest first")
    public List<com.alvh.audit.VersionEvent> activations() {
        return versions.activations();
    }

    /** Unified diff per file of how {@code against} becomes {@code version}. */
    // roles: auditor, strategist
    @RolesAllowed({Roles.AUDITOR, Roles.STRATEGIST})
    @GET
    @Path("{version}/diff")
    @Operation(operationId = "diffRuleSets", summary = "Unified diff per file between two stored rule-set versions")
    public List<FileDiffView> diff(@PathParam("version") String version, @QueryParam("against") String against) {
        if (against == null || against.isBlank()) {
            throw new BadParameterException("against", "name the version to compare with");
        }
        return versions.diff(version, against).stream()
                .map(d -> new FileDiffView(d.file(), d.status(), d.unified())).toList();
    }

    /** One file of a diff as the API answers it (the console also shows side-by-side rows). */
    public record FileDiffView(String file, String status, String unified) {
    }

    /** The shipped scenarios run against a version: whether it may be activated. */
    // roles: auditor, strategist
    @RolesAllowed({Roles.AUDITOR, Roles.STRATEGIST})
    @GET
    @Path("{version}/gate")
    @Operation(operationId = "ruleSetGate", summary = "Scenario-gate results of a stored rule-set version")
    public RuleSetVersions.Gate gate(@PathParam("version") String version) {
        return versions.gate(version);
    }

    /** Makes a stored, gate-passing version the active one; rollback is activating an older one. */
    // roles: strategist
    @RolesAllowed(Roles.STRATEGIST)
    @POST
    @Path("{version}/activate")
    @Operation(operationId = "activateRuleSet", summary = "Make a stored, gate-passing rule-set version the active one (rollback: activate an older one)")
    public RuleSetVersions.Activation activate(@PathParam("version") String version, @Context SecurityContext security) {
        return versions.activate(version, Caller.nameOf(security));
    }

    /**
     * Body of an impact analysis: the asOf range of recorded evaluations to re-run, and at most how many
     * (default and maximum alvh.limits.impact-max-evaluations; a closed range spans at most alvh.limits.impact-max-range).
     */
    public record ImpactBody(Instant from, Instant to, @jakarta.validation.constraints.Positive Integer limit) {
    }

    /**
     * Body of validate and candidates: file name (relative) → content: a {@code *.drl} file's source, a CSV decision
     * table's text ({@code *.csv}), or an XLSX decision table as base64 ({@code *.xlsx}).
     */
    public record FilesBody(@NotNull @Size(min = 1, max = 200) Map<String, String> files) {
    }

    /** The active rule set as api.md names it. */
    public record ActiveRuleSet(String version, Instant loadedAt, List<String> files, List<RuleInfo> rules,
                                LastError lastError) {
    }

    /** The last refused load. */
    public record LastError(List<RuleError> errors, Instant at) {
    }

    /** Validation outcome. */
    public record Validation(boolean valid, List<RuleError> errors) {
    }

    @RolesAllowed({Roles.CLIENT, Roles.AUDITOR, Roles.STRATEGIST, Roles.OPERATOR})
    @GET
    @Path("active")
    @Operation(operationId = "getActiveRuleSet", summary = "The active rule set, its rules and the last refused load")
    public ActiveRuleSet active() {
        RuleSetService.ActiveView view = service.active();
        LastError error = view.lastError().map(e -> new LastError(e.errors(), e.at())).orElse(null);
        return view.ruleSet().map(rs -> new ActiveRuleSet(rs.version(), rs.loadedAt(), List.copyOf(rs.files().keySet()),
                        rs.rules(), error))
                .orElse(new ActiveRuleSet(null, null, List.of(), List.of(), error));
    }

    @RolesAllowed({Roles.CLIENT, Roles.AUDITOR, Roles.STRATEGIST, Roles.OPERATOR})
    @GET
    @Path("{version}")
    @Operation(operationId = "getRuleSetVersion", summary = "A stored rule-set version with its sources")
    public RuleSetService.StoredVersion version(@PathParam("version") String version) {
        return service.find(version).orElseThrow(() -> new NotFoundException("unknown rule-set version " + version));
    }

    @RolesAllowed(Roles.STRATEGIST)
    @POST
    @Path("validate")
    @Operation(operationId = "validateRuleSet", summary = "Compile and check rule files (DRL or decision tables) without storing them")
    public Validation validate(@Valid @NotNull FilesBody body) {
        List<RuleError> errors = service.validate(body.files());
        return new Validation(errors.isEmpty(), errors);
    }

    @RolesAllowed(Roles.STRATEGIST)
    @POST
    @Path("candidates")
    @Operation(operationId = "storeRuleSetCandidate", summary = "Store rule files (DRL or decision tables) as a candidate version (not activated)")
    public RuleSetService.Candidate candidate(@Valid @NotNull FilesBody body, @Context SecurityContext security) {
        return service.storeCandidate(body.files(), Caller.nameOf(security));
    }

    @RolesAllowed(Roles.STRATEGIST)
    @POST
    @Path("{version}/impact")
    @Operation(operationId = "ruleSetImpact", summary = "Re-run recorded evaluations with a version and report the decisions that change")
    public ImpactService.Impact impact(@PathParam("version") String version, @Valid ImpactBody body) {
        ImpactBody range = body == null ? new ImpactBody(null, null, null) : body;
        int max = limits.impactMaxEvaluations();
        if (range.limit() != null && range.limit() > max) {
            throw new BadParameterException("limit", "must be between 1 and " + max);
        }
        if (range.from() != null && range.to() != null) {
            if (range.from().isAfter(range.to())) {
                throw new BadParameterException("from", "must not be after 'to'");
            }
            if (java.time.Duration.between(range.from(), range.to()).compareTo(limits.impactMaxRange()) > 0) {
                throw new BadParameterException("to", "the range may span at most " + limits.impactMaxRange().toDays() + " days");
            }
        }
        return impacts.impact(version, range.from(), range.to(), range.limit() == null ? max : range.limit());
    }
}

package com.alvh.console;

import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleError;
import com.alvh.evaluation.InvalidRequestException;
import com.alvh.evaluation.Violation;
import com.alvh.identity.Caller;
import com.alvh.identity.Roles;
import com.alvh.lifecycle.ImpactService;
import com.alvh.lifecycle.InvalidQueryException;
import com.alvh.lifecycle.InvalidRuleSetException;
import com.alvh.lifecycle.RuleSetService;
import com.alvh.lifecycle.RuleSetVersions;

import io.quarkus.qute.TemplateInstance;

/**
 * Candidates: a strategist pastes or uploads one rule file; the candidate is the active rule set with that file
 * replaced (or added). Errors are shown in place; a candidate that compiles is stored and its impact can be run.
 */
@Path("/console/candidates")
@Produces(MediaType.TEXT_HTML)
public class CandidatePages {

    private static final int IMPACT_LIMIT = 10_000;

    @Inject
    RuleSetService ruleSets;
    @Inject
    RuleSetVersions versions;
    @Inject
    ImpactService impacts;

    // roles: strategist
    @RolesAllowed(Roles.STRATEGIST)
    @GET
    public TemplateInstance form(@QueryParam("file") String file) {
        Map<String, String> active = activeFiles();
        String name = file == null || file.isBlank() ? active.keySet().stream().findFirst().orElse("candidate.drl") : file;
        return Pages.candidates(page(name, active.getOrDefault(name, ""), List.of(), null, List.of(), "", "", null));
    }

    // roles: strategist
    @RolesAllowed(Roles.STRATEGIST)
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance submit(@FormParam("fileName") String fileName, @FormParam("source") String source,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        String name = fileName == null ? "" : fileName.trim();
        String text = source == null ? "" : source.replace("\r\n", "\n");
        Map<String, String> files = new TreeMap<>(activeFiles());
        files.put(name, text);
        try {
            List<RuleError> errors = ruleSets.validate(files);
            if (!errors.isEmpty()) {
                return Pages.candidates(page(name, text, errors, null, List.of(), "", "", null));
            }
            RuleSetService.Candidate candidate = ruleSets.storeCandidate(files,
                    Caller.nameOf(security));
            return Pages.candidates(page(name, text, List.of(), candidate.version(),
                    candidate.scenarioFailures().stream().map(f -> f.file() + ": " + f.message()).toList(), "", "", null));
        } catch (InvalidRequestException e) {
            return Pages.candidates(page(name, text, e.violations().stream()
                    .map(v -> new RuleError(v.field(), 0, 0, v.message())).toList(), null, List.of(), "", "", null));
        } catch (InvalidRuleSetException e) {
            return Pages.candidates(page(name, text, e.errors(), null, List.of(), "", "", null));
        }
    }

    /** Re-runs the stored production decisions of the chosen days against the candidate and lists the changes. */
    // roles: strategist
    @RolesAllowed(Roles.STRATEGIST)
    @POST
    @Path("{version}/impact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance impact(@PathParam("version") String version, @FormParam("fileName") String fileName,
            @FormParam("from") String from, @FormParam("to") String to) {
        String name = fileName == null ? "" : fileName;
        String text = versions.files(version, "version").getOrDefault(name, "");
        List<Violation> problems = new ArrayList<>();
        Instant fromInstant = com.alvh.lifecycle.EvaluationSearch.bound("from", blankToNull(from), false, problems);
        Instant toInstant = com.alvh.lifecycle.EvaluationSearch.bound("to", blankToNull(to), true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidQueryException(problems);
        }
        ImpactService.Impact impact = impacts.impact(version, fromInstant, toInstant, IMPACT_LIMIT);
        CandidatePage.Impact view = new CandidatePage.Impact(impact.evaluated(), impact.changed(), impact.failed(),
                impact.changes().stream().map(c -> new CandidatePage.Change(c.evaluationId(), c.asOf().toString(),
                        summary(c.before()), summary(c.after()))).toList());
        var gate = versions.gate(version);
        return Pages.candidates(page(name, text, List.of(), version,
                gate.failures().stream().map(f -> f.file() + ": " + f.message()).toList(), from, to, view));
    }

    private CandidatePage page(String name, String source, List<RuleError> errors, String version,
            List<String> scenarioFailures, String from, String to, CandidatePage.Impact impact) {
        Map<String, String> active = activeFiles();
        List<Views.Option> files = new ArrayList<>(Views.Option.of(List.copyOf(active.keySet()), name));
        List<Views.SourceLine> listing = List.of();
        if (!errors.isEmpty()) {
            List<Integer> bad = errors.stream().filter(e -> e.file().equals(name)).map(RuleError::line).toList();
            String[] lines = source.split("\n", -1);
            List<Views.SourceLine> marked = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                marked.add(new Views.SourceLine(i + 1, lines[i], bad.contains(i + 1) ? "err" : ""));
            }
            listing = marked;
        }
        String activeVersion = ruleSets.active().ruleSet().map(CompiledRuleSet::version).orElse("");
        return new CandidatePage(files, name, source, activeVersion, errors.stream()
                .map(e -> new CandidatePage.Error(e.file(), e.line(), e.column(), e.message())).toList(), listing,
                version, scenarioFailures, from == null ? "" : from, to == null ? "" : to, impact);
    }

    private Map<String, String> activeFiles() {
        return ruleSets.active().ruleSet().map(CompiledRuleSet::files).orElse(Map.of());
    }

    private static String summary(com.fasterxml.jackson.databind.JsonNode actions) {
        List<String> out = new ArrayList<>();
        actions.forEach(a -> out.add(a.path("type").asText() + (a.path("contracts").isMissingNode()
                || a.path("contracts").isNull() ? "" : " " + a.path("contracts").asText())));
        return out.isEmpty() ? "(none)" : String.join(", ", out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

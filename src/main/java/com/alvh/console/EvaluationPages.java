package com.alvh.console;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import com.alvh.identity.Roles;
import com.alvh.audit.AuditTrail;
import com.alvh.audit.EvaluationQuery;
import com.alvh.audit.StoredEvaluation;
import com.alvh.lifecycle.EvaluationSearch;
import com.alvh.lifecycle.InvalidQueryException;
import com.alvh.lifecycle.ProfileRegistry;
import com.alvh.lifecycle.ReplayService;
import com.alvh.lifecycle.RuleSetVersions;

import io.quarkus.qute.TemplateInstance;

/** The auditor's pages: the evaluation search and one decision, with replay and the record's chain check. */
@Path("/console/evaluations")
@Produces(MediaType.TEXT_HTML)
public class EvaluationPages {

    @Inject
    EvaluationSearch search;
    @Inject
    AuditTrail audit;
    @Inject
    ProfileRegistry profiles;
    @Inject
    RuleSetVersions ruleSets;
    @Inject
    ReplayService replays;
    @Inject
    DecisionPages decisions;

    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
    @GET
    public TemplateInstance search(@Context UriInfo uri) {
        Map<String, List<String>> parameters = uri.getQueryParameters();
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : List.of("from", "to", "profile", "rule", "action", "caller", "dryRun", "limit")) {
            List<String> values = parameters.get(name);
            form.put(name, values == null || values.isEmpty() ? "" : values.get(0));
        }
        List<SearchPage.Row> rows = new ArrayList<>();
        long total = 0;
        int limit = EvaluationQuery.DEFAULT_LIMIT;
        int offset = 0;
        String error = null;
        try {
            EvaluationQuery query = search.parse(parameters);
            limit = query.limit();
            offset = query.offset();
            EvaluationSearch.Page page = search.search(query);
            total = page.total();
            page.items().forEach(e -> rows.add(row(e)));
        } catch (InvalidQueryException e) {
            error = e.getMessage();
        }
        String query = Links.query(form);
        Map<String, String> prev = new LinkedHashMap<>(form);
        prev.put("offset", String.valueOf(Math.max(0, offset - limit)));
        Map<String, String> next = new LinkedHashMap<>(form);
        next.put("offset", String.valueOf(offset + limit));
        Map<String, String> export = new LinkedHashMap<>(form);
        export.remove("limit");
        String exportQuery = Links.query(export);
        List<String> profileNames = profiles.all().stream().map(p -> p.profile().name()).toList();
        return Pages.evaluations(new SearchPage(form.get("from"), form.get("to"), form.get("caller"), form.get("limit"),
                options(profileNames, form.get("profile"), "any profile"),
                options(ruleSets.allRuleNames(), form.get("rule"), "any rule"),
                options(List.copyOf(new java.util.TreeSet<>(EvaluationQuery.ACTION_TYPES)), form.get("action"), "any action"),
                List.of(new Views.Option("", "both", form.get("dryRun").isEmpty()),
                        new Views.Option("false", "production only", "false".equals(form.get("dryRun"))),
                        new Views.Option("true", "dry runs only", "true".equals(form.get("dryRun")))),
                rows, total, total == 0 ? 0 : offset + 1, Math.min(total, offset + rows.size()),
                offset > 0 ? "/console/evaluations" + Links.query(prev) : null,
                offset + rows.size() < total ? "/console/evaluations" + Links.query(next) : null,
                "/api/v1/evaluations/export.csv" + exportQuery, "/api/v1/evaluations/export.jsonl" + exportQuery,
                "/api/v1/evaluations" + query, error));
    }

    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
    @GET
    @Path("{id}")
    public TemplateInstance decision(@PathParam("id") String id) {
        return Pages.evaluation(decisions.page(stored(id), null, null));
    }

    /** Replays the decision and shows the page with the outcome. */
    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
    @POST
    @Path("{id}/replay")
    public TemplateInstance replay(@PathParam("id") String id) {
        StoredEvaluation stored = stored(id);
        DecisionPage.Replay outcome;
        try {
            var replay = replays.replay(id).orElseThrow();
            outcome = new DecisionPage.Replay(replay.identical(), replay.differences().stream()
                    .map(d -> new Views.Pair(d.path(), d.recorded() + " → " + d.replayed())).toList(), null);
        } catch (RuntimeException e) {
            outcome = new DecisionPage.Replay(false, List.of(), e.getMessage());
        }
        return Pages.evaluation(decisions.page(stored, outcome, null));
    }

    /** Checks this record's hash and its link to the one before, and shows the page with the outcome. */
    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
    @POST
    @Path("{id}/verify")
    public TemplateInstance verify(@PathParam("id") String id) {
        StoredEvaluation stored = stored(id);
        var check = audit.check(id).orElseThrow();
        return Pages.evaluation(decisions.page(stored, null,
                new DecisionPage.Check(check.valid(), check.hashValid(), check.linkValid())));
    }

    private StoredEvaluation stored(String id) {
        return audit.find(id).orElseThrow(() -> new NotFoundException("no evaluation with id '" + id + "'"));
    }

    private static SearchPage.Row row(StoredEvaluation e) {
        var r = e.record();
        return new SearchPage.Row(r.evaluationId(), r.asOf().toString(), r.profileName(), String.join(", ", r.actionTypes()),
                String.join("; ", r.rulesFired()), r.dryRun(), shortVersion(r.ruleSetVersion()), r.caller());
    }

    private static List<Views.Option> options(List<String> values, String chosen, String anyLabel) {
        List<Views.Option> out = new ArrayList<>();
        out.add(new Views.Option("", anyLabel, chosen == null || chosen.isEmpty()));
        out.addAll(Views.Option.of(values, chosen));
        return out;
    }

    static String shortVersion(String version) {
        return version == null ? "" : version.length() > 19 ? version.substring(0, 19) + "…" : version;
    }
}

package com.alvh.console;

import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.identity.Caller;
import com.alvh.identity.Roles;
import com.alvh.lifecycle.RuleSetService;
import com.alvh.lifecycle.RuleSetVersions;
import com.alvh.lifecycle.TextDiff;

import io.quarkus.qute.TemplateInstance;

/** Rule-set versions: the list with a side-by-side diff, one version with its gate, and activation or rollback. */
@Path("/console/rulesets")
@Produces(MediaType.TEXT_HTML)
public class RuleSetPages {

    @Inject
    RuleSetVersions versions;
    @Inject
    RuleSetService ruleSets;

    // roles: auditor, strategist
    @RolesAllowed({Roles.AUDITOR, Roles.STRATEGIST})
    @GET
    public TemplateInstance list(@QueryParam("version") String version, @QueryParam("against") String against,
            @QueryParam("activated") String activated) {
        List<RuleSetVersions.VersionSummary> all = versions.list();
        List<RuleSetsPage.Version> rows = all.stream().map(v -> new RuleSetsPage.Version(v.version(),
                EvaluationPages.shortVersion(v.version()), String.valueOf(v.createdAt()), v.createdBy(),
                v.activatedAt() == null ? "" : v.activatedAt().toString(), Objects.toString(v.activatedBy(), ""),
                v.active())).toList();
        List<String> names = all.stream().map(RuleSetVersions.VersionSummary::version).toList();
        String chosen = blank(version) ? (names.isEmpty() ? "" : names.get(0)) : version;
        String base = blank(against) ? (names.size() > 1 ? names.get(1) : chosen) : against;
        List<RuleSetsPage.FileDiff> diff = new ArrayList<>();
        String title = null;
        if (!blank(version) && !blank(against)) {
            title = EvaluationPages.shortVersion(against) + " → " + EvaluationPages.shortVersion(version);
            for (RuleSetVersions.FileDiff d : versions.diff(version, against)) {
                diff.add(new RuleSetsPage.FileDiff(d.file(), d.status(), d.status().equals("same") ? List.of()
                        : d.rows().stream().map(RuleSetPages::row).toList()));
            }
        }
        List<RuleSetsPage.Activation> activations = new ArrayList<>(versions.activations().stream()
                .map(e -> new RuleSetsPage.Activation(e.version(), e.at().toString(), e.actor())).toList());
        java.util.Collections.reverse(activations);
        return Pages.rulesets(new RuleSetsPage(rows, Views.Option.of(names, chosen), Views.Option.of(names, base), diff,
                title, activations, lastError(), blank(activated) ? null : "Version " + activated + " is now active."));
    }

    // roles: auditor, strategist
    @RolesAllowed({Roles.AUDITOR, Roles.STRATEGIST})
    @GET
    @Path("{version}")
    public TemplateInstance version(@PathParam("version") String version) {
        return Pages.ruleset(page(version, false));
    }

    /** The confirmation: what activating this version changes, before anything changes. */
    // roles: strategist
    @RolesAllowed(Roles.STRATEGIST)
    @GET
    @Path("{version}/activate")
    public TemplateInstance confirm(@PathParam("version") String version) {
        return Pages.ruleset(page(version, true));
    }

    // roles: strategist
    @RolesAllowed(Roles.STRATEGIST)
    @POST
    @Path("{version}/activate")
    public Response activate(@PathParam("version") String version, @Context SecurityContext security) {
        versions.activate(version, Caller.nameOf(security));
        return Response.seeOther(URI.create("/console/rulesets?activated=" + Links.encode(version))).build();
    }

    private RuleSetVersionPage page(String version, boolean confirm) {
        Map<String, List<String>> rules = versions.rulesOf(version);
        Map<String, String> files = versions.files(version, "version");
        String active = ruleSets.active().ruleSet().map(CompiledRuleSet::version).orElse("");
        var gate = versions.gate(version);
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (!active.isEmpty() && !active.equals(version)) {
            versions.diff(version, active).stream().filter(d -> !d.status().equals("same"))
                    .forEach(d -> changed.add(d.file() + " (" + d.status() + ")"));
            List<String> now = versions.rulesOf(active).values().stream().flatMap(List::stream).toList();
            List<String> then = rules.values().stream().flatMap(List::stream).toList();
            then.stream().filter(r -> !now.contains(r)).forEach(added::add);
            now.stream().filter(r -> !then.contains(r)).forEach(removed::add);
        }
        List<RuleSetVersionPage.File> fileViews = files.entrySet().stream().map(e -> new RuleSetVersionPage.File(e.getKey(),
                rules.getOrDefault(e.getKey(), List.of()), SourceExcerpts.whole(e.getValue(), 0, -1, ""))).toList();
        return new RuleSetVersionPage(version, version.equals(active), active, gate.passed(),
                gate.failures().stream().map(f -> f.file() + ": " + f.message()).toList(), fileViews, changed, added,
                removed, confirm);
    }

    private RuleSetsPage.LoadError lastError() {
        var error = ruleSets.active().lastError();
        if (error.isEmpty()) {
            return null;
        }
        Map<String, String> sources = ruleSets.directorySources();
        List<RuleSetsPage.Located> located = error.get().errors().stream().map(e -> new RuleSetsPage.Located(e.file(),
                e.line(), e.column(), e.message(), sources.containsKey(e.file())
                        ? SourceExcerpts.around(sources.get(e.file()), e.line()) : List.of())).toList();
        return new RuleSetsPage.LoadError(error.get().at().toString(), located);
    }

    private static RuleSetsPage.Row row(TextDiff.Row r) {
        return new RuleSetsPage.Row(r.kind(), r.oldLine() == 0 ? "" : String.valueOf(r.oldLine()), r.oldText(),
                r.newLine() == 0 ? "" : String.valueOf(r.newLine()), r.newText());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

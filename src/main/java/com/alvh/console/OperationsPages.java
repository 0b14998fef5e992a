package com.alvh.console;

import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.alvh.identity.Roles;
import com.alvh.audit.AuditTrail;
import com.alvh.audit.DailyCount;
import com.alvh.lifecycle.EvaluationReadiness;
import com.alvh.lifecycle.ProfileRegistry;

import io.quarkus.qute.TemplateInstance;

/** The console's entry, the backtest form and the audit-health page. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class OperationsPages {

    private static final int DAYS = 30;

    @Inject
    AuditTrail audit;
    @Inject
    EvaluationReadiness readiness;
    @Inject
    ProfileRegistry profiles;

    /**
     * The console's entry and the sign-in landing page when no page was asked for: the evaluation search for an
     * auditor, the rule sets for a strategist, the caller's own page for anyone else (no console page of theirs).
     */
    // roles: all
    @RolesAllowed({Roles.CLIENT, Roles.AUDITOR, Roles.STRATEGIST, Roles.OPERATOR})
    @GET
    public Response home(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        String page = security.isUserInRole(Roles.AUDITOR) ? "/console/evaluations"
                : security.isUserInRole(Roles.STRATEGIST) ? "/console/rulesets" : "/console/me";
        return Response.seeOther(URI.create(page)).build();
    }

    // roles: strategist
    @RolesAllowed(Roles.STRATEGIST)
    @GET
    @Path("backtests")
    public TemplateInstance backtests() {
        return Pages.backtests(new BacktestPage(profiles.all().stream().map(p -> p.profile().name()).toList()));
    }

    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
    @GET
    @Path("audit")
    public TemplateInstance audit() {
        return Pages.audit(page(null));
    }

    /** Walks the whole chain (linear in the records, so only on request) and shows the page with the outcome. */
    // roles: auditor
    @RolesAllowed(Roles.AUDITOR)
    @POST
    @Path("audit/verify")
    public TemplateInstance verify() {
        long t0 = System.nanoTime();
        var v = audit.verify();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String bad = v.firstBadRecord() == null ? null : "seq " + v.firstBadRecord().seq() + " ("
                + v.firstBadRecord().evaluationId() + "): " + v.firstBadRecord().problem();
        return Pages.audit(page(new AuditPage.Verification(v.valid(), v.records(), bad, millis)));
    }

    private AuditPage page(AuditPage.Verification verification) {
        var state = readiness.state();
        List<DailyCount> counts = audit.dailyCounts(DAYS);
        long max = counts.stream().mapToLong(DailyCount::records).max().orElse(1);
        List<AuditPage.Day> days = counts.stream().map(c -> new AuditPage.Day(c.day().toString(), c.records(),
                (int) Math.max(1, c.records() * 100 / max))).toList();
        return new AuditPage(state.ready(), state.ruleSetVersion(), state.profiles(), days,
                counts.stream().mapToLong(DailyCount::records).sum(), verification);
    }
}

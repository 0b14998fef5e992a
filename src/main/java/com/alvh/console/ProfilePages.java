package com.alvh.console;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;

import jakarta.inject.Inject;
import java.net.URI;

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

import com.alvh.identity.Caller;
import com.alvh.identity.Roles;
import com.alvh.lifecycle.InvalidRuleSetException;
import com.alvh.lifecycle.ProfileRegistry;
import com.alvh.lifecycle.ProfileVersions;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.TemplateInstance;

/**
 * Profiles as they are loaded and as they were at any stored version, with a diff between two versions, and
 * activation or rollback of a stored version (strategists, after a confirmation).
 */
@Path("/console/profiles")
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    @Inject
    ProfileRegistry profiles;
    @Inject
    ProfileVersions versions;
    @Inject
    ObjectMapper json;

    // roles: auditor, strategist
    @RolesAllowed({Roles.AUDITOR, Roles.STRATEGIST})
    @GET
    public TemplateInstance page(@QueryParam("name") String name, @QueryParam("version") String version,
            @QueryParam("against") String against, @QueryParam("activated") String activated) {
        return render(name, version, against, blank(activated) ? ProfilesPage.Activation.NONE
                : new ProfilesPage.Activation(false, null, activated, List.of()));
    }

    /** The confirmation: which version serves now and which will, before anything changes. */
    // roles: strategist
    @RolesAllowed(Roles.STRATEGIST)
    @GET
    @Path("{name}/versions/{version}/activate")
    public TemplateInstance confirm(@PathParam("name") String name, @PathParam("version") String version) {
        return render(name, version, null, new ProfilesPage.Activation(true, serving(name), null, List.of()));
    }

    // roles: strategist
    @RolesAllowed(Roles.STRATEGIST)
    @POST
    @Path("{name}/versions/{version}/activate")
    public Response activate(@PathParam("name") String name, @PathParam("version") String version,
            @Context SecurityContext security) {
        try {
            versions.activate(name, version, Caller.nameOf(security));
        } catch (InvalidRuleSetException e) {
            List<String> failures = e.errors().stream().map(f -> f.file() + ":" + f.line() + " " + f.message()).toList();
            return Response.status(422).entity(render(name, version, null,
                    new ProfilesPage.Activation(true, serving(name), null, failures))).build();
        }
        return Response.seeOther(URI.create("/console/profiles?name=" + Links.encode(name) + "&activated="
                + Links.encode(version))).build();
    }

    private String serving(String name) {
        return profiles.find(name).map(p -> p.profile().version()).orElse("");
    }

    private TemplateInstance render(String name, String version, String against, ProfilesPage.Activation activation) {
        List<ProfilesPage.Loaded> loaded = profiles.all().stream().map(p -> new ProfilesPage.Loaded(p.profile().name(),
                p.profile().version(), p.file())).toList();
        List<String> errors = profiles.errors().stream().map(String::valueOf).toList();
        String chosen = blank(name) ? (loaded.isEmpty() ? null : loaded.get(0).name()) : name;
        if (chosen == null) {
            return Pages.profiles(new ProfilesPage(loaded, errors, null, null, false, List.of(), List.of(), List.of(),
                    List.of(), List.of(), null, activation));
        }
        List<ProfileVersions.VersionSummary> stored = versions.list(chosen);
        String at = blank(version) ? stored.stream().filter(ProfileVersions.VersionSummary::loaded)
                .map(ProfileVersions.VersionSummary::version).findFirst()
                .orElse(stored.isEmpty() ? "" : stored.get(0).version()) : version;
        var profile = versions.at(chosen, at);
        List<Views.Pair> values = profile.values() == null ? List.of()
                : DecisionPages.flatten("", json.valueToTree(profile.values()), new java.util.ArrayList<>());
        List<String> names = stored.stream().map(ProfileVersions.VersionSummary::version).toList();
        String base = blank(against) ? (names.size() > 1 ? names.get(1) : at) : against;
        List<RuleSetsPage.Row> diff = List.of();
        String title = null;
        if (!blank(against)) {
            title = EvaluationPages.shortVersion(against) + " → " + EvaluationPages.shortVersion(at);
            diff = versions.diff(chosen, at, against).rows().stream().map(r -> new RuleSetsPage.Row(r.kind(),
                    r.oldLine() == 0 ? "" : String.valueOf(r.oldLine()), r.oldText(),
                    r.newLine() == 0 ? "" : String.valueOf(r.newLine()), r.newText())).toList();
        }
        return Pages.profiles(new ProfilesPage(loaded, errors, chosen, at, profile.loaded(), values,
                stored.stream().map(v -> new ProfilesPage.Version(v.version(), v.storedAt().toString(), v.loaded(),
                        v.activatedAt() == null ? "" : v.activatedAt().toString(), java.util.Objects.toString(v.activatedBy(), "")))
                        .toList(),
                Views.Option.of(names, at), Views.Option.of(names, base), diff, title, activation));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package com.alvh.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.alvh.identity.Roles;
import com.alvh.lifecycle.ProfileRegistry;
import com.alvh.lifecycle.ProfileVersions;
import com.alvh.strategy.Profile;
import com.alvh.strategy.ProfileError;

/** Loaded strategy profiles with their versions, and the problems of any file that did not load. */
@Path("/api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLIENT, Roles.AUDITOR, Roles.STRATEGIST, Roles.OPERATOR})
public class ProfileResource {

    private final ProfileRegistry profiles;
    private final ProfileVersions versions;

    @Inject
    public ProfileResource(ProfileRegistry profiles, ProfileVersions versions) {
        this.profiles = profiles;
        this.versions = versions;
    }

    /** Stored versions of a profile, newest first; {@code loaded} marks the one serving now. */
    // roles: auditor, strategist
    @RolesAllowed({Roles.AUDITOR, Roles.STRATEGIST})
    @GET
    @Path("{name}/versions")
    public List<ProfileVersions.VersionSummary> versions(@PathParam("name") String name) {
        return versions.list(name);
    }

    /** A profile as it was at a version: its YAML and its schema-checked values. */
    // roles: auditor, strategist
    @RolesAllowed({Roles.AUDITOR, Roles.STRATEGIST})
    @GET
    @Path("{name}/versions/{version}")
    public ProfileVersions.ProfileAtVersion at(@PathParam("name") String name, @PathParam("version") String version) {
        return versions.at(name, version);
    }

    /** Unified diff of how version {@code against} of a profile becomes {@code version}. */
    // roles: auditor, strategist
    @RolesAllowed({Roles.AUDITOR, Roles.STRATEGIST})
    @GET
    @Path("{name}/versions/{version}/diff")
    public RuleSetResource.FileDiffView diff(@PathParam("name") String name, @PathParam("version") String version,
            @jakarta.ws.rs.QueryParam("against") String against) {
        if (against == null || against.isBlank()) {
            throw new BadParameterException("against", "name the version to compare with");
        }
        var d = versions.diff(name, version, against);
        return new RuleSetResource.FileDiffView(d.file(), d.status(), d.unified());
    }

    /** The list answer. */
    public record Profiles(List<ProfileView> profiles, List<ProfileError> errors) {
    }

    /** One profile: name, version, file and every parameter. */
    public record ProfileView(String name, String version, String file, Profile parameters) {
    }

    @GET
    public Profiles list() {
        return new Profiles(profiles.all().stream().map(p -> new ProfileView(p.profile().name(), p.profile().version(),
                p.file(), p.profile())).toList(), profiles.errors());
    }

    @GET
    @Path("{name}")
    public ProfileView one(@PathParam("name") String name) {
        return profiles.find(name).map(p -> new ProfileView(p.profile().name(), p.profile().version(), p.file(), p.profile()))
                .orElseThrow(() -> new NotFoundException("unknown profile " + name));
    }
}

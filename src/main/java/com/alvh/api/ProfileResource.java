package com.alvh.api;

import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import com.alvh.identity.Roles;
import com.alvh.lifecycle.ProfileRegistry;
import com.alvh.lifecycle.ProfileVersions;
import com.alvh.strategy.Profile;
import com.alvh.strategy.ProfileError;
import com.alvh.strategy.ProfileJsonSchema;

/** Loaded strategy profiles with their versions, and the problems of any file that did not load. */
@Tag(name = "profiles")
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
    @Operation(operationId = "listProfileVersions", summary = "Every stored version of one profile, newest first")
    public List<ProfileVersions.VersionSummary> versions(@PathParam("name") String name) {
        return versions.list(name);
    }

    /**
     * Makes a stored version of a profile the one that serves once the shipped scenarios pass with it (rollback:
     * activate an older one); it serves until the profile's file changes.
     */
    // roles: strategist
    @RolesAllowed(Roles.STRATEGIST)
    @POST
    @Path("{name}/versions/{version}/activate")
    @Operation(operationId = "activateProfileVersion",
            summary = "Make a stored, scenario-passing version of a profile the one that serves (rollback: activate an older one)")
    public ProfileVersions.Activation activate(@PathParam("name") String name, @PathParam("version") String version,
                                               @Context SecurityContext security) {
        return versions.activate(name, version, com.alvh.identity.Caller.nameOf(security));
    }

    /** A profile as it was at a version: its YAML and its schema-checked values. */
    // roles: auditor, strategist
    @RolesAllowed({Roles.AUDITOR, Roles.STRATEGIST})
    @GET
    @Path("{name}/versions/{version}")
    @Operation(operationId = "getProfileVersion", summary = "One profile as it was at a stored version: its source and its checked values")
    public ProfileVersions.ProfileAtVersion at(@PathParam("name") String name, @PathParam("version") String version) {
        return versions.at(name, version);
    }

    /** Unified diff of how version {@code against} of a profile becomes {@code version}. */
    // roles: auditor, strategist
    @RolesAllowed({Roles.AUDITOR, Roles.STRATEGIST})
    @GET
    @Path("{name}/versions/{version}/diff")
    @Operation(operationId = "diffProfileVersions", summary = "Unified diff of a profile between two stored versions")
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
    @Operation(operationId = "listProfiles", summary = "Loaded strategy profiles with their versions, and the files that did not load")
    public Profiles list() {
        return new Profiles(profiles.all().stream().map(p -> new ProfileView(p.profile().name(), p.profile().version(),
                p.file(), p.profile())).toList(), profiles.errors());
    }

    /** The JSON Schema (draft 2020-12) of a profile YAML, the same as strategies/profile.schema.json in the repository. */
    @GET
    @Path("schema")
    @Operation(operationId = "profileSchema", summary = "The JSON Schema (draft 2020-12) every profile YAML is checked against")
    @Produces({MediaType.APPLICATION_JSON, "application/schema+json"})
    public Map<String, Object> schema() {
        return ProfileJsonSchema.document();
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "getProfile", summary = "One loaded profile with every parameter")
    public ProfileView one(@PathParam("name") String name) {
        return profiles.find(name).map(p -> new ProfileView(p.profile().name(), p.profile().version(), p.file(), p.profile()))
                .orElseThrow(() -> new NotFoundException("unknown profile " + name));
    }
}

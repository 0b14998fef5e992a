package com.alvh.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.alvh.lifecycle.ProfileRegistry;
import com.alvh.strategy.Profile;
import com.alvh.strategy.ProfileError;

/** Loaded strategy profiles with their versions, and the problems of any file that did not load. */
@Tag(name = "profiles")
@Path("/api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    private final ProfileRegistry profiles;

    @Inject
    public ProfileResource(ProfileRegistry profiles) {
        this.profiles = profiles;
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

    @GET
    @Path("{name}")
    @Operation(operationId = "getProfile", summary = "One loaded profile with every parameter")
    public ProfileView one(@PathParam("name") String name) {
        return profiles.find(name).map(p -> new ProfileView(p.profile().name(), p.profile().version(), p.file(), p.profile()))
                .orElseThrow(() -> new NotFoundException("unknown profile " + name));
    }
}

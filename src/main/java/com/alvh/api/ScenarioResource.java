package com.alvh.api;

import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.alvh.identity.Roles;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.alvh.lifecycle.ScenarioService;
import com.alvh.lifecycle.ScenarioSuite;

/** Runs the scenarios of rules/scenarios and reports each one and the rule coverage. */
@Path("/api/v1/scenarios")
@Tag(name = "scenarios")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioResource {

    private final ScenarioService scenarios;

    @Inject
    public ScenarioResource(ScenarioService scenarios) {
        this.scenarios = scenarios;
    }

    /** Optional body: a candidate's files (name.drl → source); without it the active rule set runs. */
    public record RunBody(@Size(min = 1, max = 200) Map<String, String> files) {
    }

    @RolesAllowed(Roles.STRATEGIST)
    @POST
    @Path("run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "runScenarios",
            summary = "Run every scenario against the active rule set (or a candidate's files) and report results and rule coverage")
    public ScenarioSuite.Report run(@Valid RunBody body) {
        return scenarios.run(body == null ? null : body.files());
    }
}

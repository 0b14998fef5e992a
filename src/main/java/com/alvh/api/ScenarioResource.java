package com.alvh.api;

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

    // roles: strategist
    @POST
    @Path("run")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScenarioSuite.Report run(@Valid RunBody body) {
        return scenarios.run(body == null ? null : body.files());
    }
}

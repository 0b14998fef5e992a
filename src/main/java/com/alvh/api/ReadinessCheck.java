package com.alvh.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.alvh.lifecycle.EvaluationReadiness;

/** Ready once a rule set compiled and profiles loaded: before that, evaluations could not be answered. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    EvaluationReadiness readiness;

    @Override
    public HealthCheckResponse call() {
        var state = readiness.state();
        return HealthCheckResponse.named("rules-and-profiles").status(state.ready())
                .withData("ruleSet", state.ruleSetVersion()).withData("profiles", state.profiles()).build();
    }
}

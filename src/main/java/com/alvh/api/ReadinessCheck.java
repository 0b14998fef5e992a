package com.alvh.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.alvh.lifecycle.EvaluationReadiness;

/**
 * Ready once a rule set compiled and profiles loaded, while the reload poller lives and answers can be recorded;
 * {@code reason} says what is missing.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    EvaluationReadiness readiness;

    @Override
    public HealthCheckResponse call() {
        var state = readiness.state();
        var response = HealthCheckResponse.named("rules-and-profiles").status(state.ready())
                .withData("ruleSet", state.ruleSetVersion()).withData("profiles", state.profiles());
        state.reason().ifPresent(r -> response.withData("reason", r));
        return response.build();
    }
}

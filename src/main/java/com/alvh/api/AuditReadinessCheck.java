package com.alvh.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.alvh.audit.AuditTrail;

/**
 * DOWN while the audit trail cannot be written (evaluations answer 503 then); UP again by itself as soon as a
 * write succeeds.
 */
@Readiness
@ApplicationScoped
public class AuditReadinessCheck implements HealthCheck {

    @Inject
    AuditTrail audit;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("audit-trail").status(audit.healthy());
        String failure = audit.lastWriteFailure();
        if (!audit.healthy() && failure != null) {
            response.withData("lastFailure", failure);
        }
        return response.build();
    }
}

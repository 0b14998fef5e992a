package com.alvh.api;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;

/**
 * The rule set compiles in the background after Quarkus has started, so a test that evaluates must first wait
 * until readiness reports UP (the database check alone is UP much earlier).
 */
final class Ready {

    /**
     * Generous on purpose: this is a wait, not a timing assertion. On the shared 2-core machine at a load average
     * of 30-40 the first compile of the rules took 47-67 s.
     */
    private static final Duration LIMIT = Duration.ofSeconds(180);

    private Ready() {
    }

    static void await() {
        Instant deadline = Instant.now().plus(LIMIT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            var response = given().when().get("/q/health/ready");
            last = response.asString();
            if (response.statusCode() == 200 && "UP".equals(response.jsonPath().getString("status"))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for readiness", e);
            }
        }
        throw new AssertionError("service not ready within " + LIMIT + ": " + last);
    }
}

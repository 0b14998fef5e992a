package com.alvh.api;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;

/**
 * The rule set compiles in the background after Quarkus has started, so a test that evaluates must first wait
 * until readiness reports UP (the database check alone is UP much earlier).
 */
final class Ready {

    // generous: the test machines are shared, and a first Drools compile under load can take over a minute
    private static final Duration LIMIT = Duration.ofSeconds(120);

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

package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.alvh.audit.AuditTrail;
import com.alvh.engine.RuleSetRegistry;
import com.alvh.evaluation.answer.Money;
import com.alvh.lifecycle.ProfileRegistry;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Money in answers is written in cents; ratios and prices are not touched; a replay still says identical. */
@QuarkusTest
class MoneyInAnswersTest {

    @Inject
    AuditTrail audit;

    @Inject
    ProfileRegistry profiles;

    @Inject
    RuleSetRegistry ruleSets;

    @BeforeEach
    void ready() {
        Ready.await();
        // A test before this one may have cleared the audit store behind the recorder's "already stored" cache;
        // the replay below needs the versions (storing is idempotent).
        var balanced = profiles.find("balanced").orElseThrow();
        audit.storeProfileVersion(balanced.profile().name(), balanced.profile().version(), balanced.source(), null);
        var active = ruleSets.active().orElseThrow();
        audit.storeRuleSetVersion(active.version(), active.files());
    }

    @Test
    void centsRoundHalfEvenAndKeepNonFiniteValues() {
        assertEquals(5100.0, Money.cents(5099.999999999999));
        assertEquals(-3357.41, Money.cents(-3357.406212692728));
        assertEquals(0.12, Money.cents(0.125));
        assertEquals(0.14, Money.cents(0.135));
        assertTrue(Double.isNaN(Money.cents(Double.NaN)));
    }

    @Test
    void everyMoneyFieldHasAtMostTwoDecimalsAndRatiosKeepTheirs() throws Exception {
        for (String example : List.of("calm-two-layers", "cpi-next-day", "backwardation-near-put")) {
            String answer = given().contentType("application/json").body(Examples.text(example))
                    .when().post("/api/v1/evaluations").then().statusCode(200).extract().asString();
            JsonNode tree = Examples.JSON.readTree(answer);
            JsonNode condor = tree.path("derived").path("condor");
            JsonNode hedge = tree.path("derived").path("hedge");
            for (JsonNode money : List.of(condor.path("maxLoss"), condor.path("dollarVega"), condor.path("dollarGamma"),
                    condor.path("rebalancingCosts"), condor.path("creditDollars"), hedge.path("monthlyCarry"),
                    hedge.path("pnl"))) {
                assertCents(example, money);
            }
            hedge.path("layers").forEach(layer -> assertCents(example, layer.path("pnl")));
            tree.path("decision").path("actions").forEach(a -> assertCents(example, a.path("rollCost")));
            if ("calm-two-layers".equals(example)) {
                assertEquals(-3357.41, condor.path("dollarVega").asDouble());
                // a ratio keeps its precision: this one has more than two decimals
                assertTrue(tree.path("derived").path("termStructure").path("contangoRatio").decimalValue().scale() > 2);
            }
            String id = tree.path("evaluationId").asText();
            given().when().post("/api/v1/evaluations/" + id + "/replay").then().statusCode(200)
                    .body("identical", org.hamcrest.Matchers.equalTo(true));
        }
    }

    private static void assertCents(String example, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        BigDecimal d = value.decimalValue().stripTrailingZeros();
        assertTrue(d.scale() <= 2, example + ": " + value + " is not in cents");
    }
}

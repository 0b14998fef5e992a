package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;

import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Every class of bad input is a 400 or 422 problem+json naming the field, never a 5xx. Each test starts from
 * {@code examples/cpi-next-day.json} (a valid request) and breaks one thing.
 */
@QuarkusTest
class BadInputTest {

    @BeforeEach
    void ready() {
        Ready.await();
    }

    @Test
    void rejectsMalformedJson() {
        String truncated = Examples.text("cpi-next-day").substring(0, 60);
        problem(post(truncated), 400, "(body)").body("violations[0].message", containsString("malformed JSON"));
    }

    @Test
    void rejectsAStringForSpx() {
        problem(post(mutated(r -> market(r).put("spx", "5434.43"))), 400, "market.spx")
                .body("violations[0].message", equalTo("must be a number"));
    }

    @Test
    void rejectsAFloatForContracts() {
        problem(post(mutated(r -> condor(r).put("contracts", 10.5))), 400, "condor.contracts")
                .body("violations[0].message", containsString("a whole number"));
    }

    @Test
    void rejectsAnUnknownTopLevelField() {
        problem(post(mutated(r -> r.put("foo", 1))), 400, "foo")
                .body("violations[0].message", containsString("unknown field 'foo'"));
    }

    @Test
    void rejectsAnUnknownNestedField() {
        problem(post(mutated(r -> market(r).put("foo", 1))), 400, "market.foo")
                .body("violations[0].message", containsString("unknown field 'foo'"));
    }

    @Test
    void rejectsAMissingPutShort() {
        problem(post(mutated(r -> condor(r).remove("putShort"))), 400, "condor.putShort");
    }

    @Test
    void rejectsAMissingVix() {
        problem(post(mutated(r -> market(r).remove("vix"))), 400, "market.vix");
    }

    @Test
    void rejectsAMissingAsOf() {
        problem(post(mutated(r -> r.remove("asOf"))), 400, "asOf");
    }

    @Test
    void rejectsNaNAsAPrice() {
        problem(post(mutated(r -> market(r).put("spx", "NaN"))), 400, "market.spx");
    }

    @Test
    void rejectsABareNaNTokenAsAPrice() {
        String body = Examples.text("cpi-next-day").replace("\"spx\": 5434.43", "\"spx\": NaN");
        problem(post(body), 400, "market.spx")
                .body("violations[0].message", allOf(containsString("NaN"), not(containsString("JsonReadFeature"))));
    }

    @Test
    void rejectsANegativePrice() {
        problem(post(mutated(r -> market(r).put("spx", -1))), 400, "market.spx")
                .body("violations[0].message", equalTo("must be greater than 0"));
    }

    @Test
    void rejectsZeroContracts() {
        problem(post(mutated(r -> condor(r).put("contracts", 0))), 400, "condor.contracts");
    }

    @Test
    void rejectsANegativeCredit() {
        problem(post(mutated(r -> condor(r).put("credit", -5.10))), 400, "condor.credit");
    }

    @Test
    void rejectsLegsOutOfOrder() {
        problem(post(mutated(r -> condor(r).put("putShort", 5850))), 422, "condor.putShort")
                .body("violations[0].message", containsString("callShort"));
    }

    @Test
    void rejectsACondorExpiredBeforeAsOf() {
        problem(post(mutated(r -> condor(r).put("expiry", "2024-08-01"))), 422, "condor.expiry");
    }

    @Test
    void rejectsAnUnknownInstrumentInAHedgeLayer() {
        problem(post(mutated(r -> {
            ObjectNode layer = ((ArrayNode) r.get("hedge").get("layers")).addObject();
            layer.put("tranche", 1).put("instrument", "ES").put("expiry", "2024-09-18").put("contracts", 1)
                    .put("entryPrice", 15.9).put("openedAt", "2024-07-20");
        })), 422, "hedge.layers[0].instrument").body("violations[0].message", containsString("'ES'"));
    }

    @Test
    void rejectsAnUnknownProfile() {
        problem(post(mutated(r -> r.put("profile", "reckless"))), 422, "profile")
                .body("violations[0].message", containsString("reckless"));
    }

    @Test
    void rejectsTenThousandVixFutures() {
        problem(post(mutated(r -> {
            ArrayNode futures = market(r).putArray("vixFutures");
            for (int i = 0; i < 10_000; i++) {
                futures.addObject().put("price", 17.0);
            }
        })), 400, "market.vixFutures");
    }

    @Test
    void rejectsJsonNestedAHundredDeep() {
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        String example = Examples.text("cpi-next-day").stripTrailing();
        String body = example.substring(0, example.length() - 1) + ", \"notes\": " + deep + "}";
        problem(post(body), 400, "(body)").body("violations[0].message", allOf(containsString("nesting depth"),
                not(containsString("StreamReadConstraints"))));
    }

    @Test
    void rejectsAnArrayNestedAHundredDeepAsTheBody() {
        problem(post("[".repeat(100) + "]".repeat(100)), 400, "(body)");
    }

    @Test
    void rejectsAnArrayAsTheBody() {
        problem(post("[]"), 400, "(body)").body("violations[0].message", equalTo("must be an object"));
    }

    @Test
    void rejectsAnEmptyBody() {
        problem(post(""), 400, "(body)");
    }

    @Test
    void rejectsANullBody() {
        problem(post("null"), 400, "(body)");
    }

    /** api.md: a missing input is not an error; the signals needing it are unavailable and say what is missing. */
    @Test
    void anIndicatorThatCannotBeDerivedMakesItsSignalUnavailableNotA422() {
        post(mutated(r -> indicators(r).remove("spxRsi14"))).statusCode(200)
                .body("signals.find { it.name == 'COMPLACENCY' }.available", is(false))
                .body("signals.find { it.name == 'COMPLACENCY' }.text", containsString("needs 15"));
    }

    @Test
    void aSeriesTooShortToDeriveAnIndicatorIsNamedInTheUnavailableSignal() {
        post(mutated(r -> {
            indicators(r).remove("spxRsi14");
            market(r).putObject("series").putArray("spxClose").add(5400.0).add(5410.0).add(5420.0).add(5430.0)
                    .add(5434.43);
        })).statusCode(200)
                .body("signals.find { it.name == 'COMPLACENCY' }.available", is(false))
                .body("signals.find { it.name == 'COMPLACENCY' }.text", allOf(containsString("has 5 bars"), containsString("needs 15")));
    }

    /** The example itself is valid: the failures above come from the one change each test makes. */
    @Test
    void theUnmodifiedExampleIsAccepted() {
        post(Examples.write(Examples.tree("cpi-next-day"))).statusCode(200);
    }

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/evaluations").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String field) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", is(notNullValue()))
                .body("violations.field", hasItem(field))
                .body("violations.field", everyItem(oneOf(field)))
                .body("status", allOf(greaterThanOrEqualTo(400), lessThan(500)));
    }

    private static String mutated(Consumer<ObjectNode> change) {
        ObjectNode request = Examples.tree("cpi-next-day");
        change.accept(request);
        return Examples.write(request);
    }

    private static ObjectNode market(ObjectNode request) {
        return (ObjectNode) request.get("market");
    }

    private static ObjectNode indicators(ObjectNode request) {
        return (ObjectNode) market(request).get("indicators");
    }

    private static ObjectNode condor(ObjectNode request) {
        return (ObjectNode) request.get("condor");
    }
}

package com.alvh.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import com.alvh.testing.TestCallers;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The console in a real browser (headless Chromium at 1280 px): the auditor's path and the strategist's path of
 * issue 13, with a screenshot of every page in target/console-screenshots and no horizontal scroll anywhere.
 */
@QuarkusTest
class ConsoleBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void auditorSearchesByDateOpensADecisionSeesTheFiredRuleAndReplaysItIdentically() throws Exception {
        String id = evaluate("cpi-next-day");
        try (Browser browser = Browser.open(base)) {
            browser.signIn(TestCallers.AUDITOR);
            browser.go("/console/evaluations");
            browser.setValue("#from", "2024-08-13");
            browser.setValue("#to", "2024-08-13");
            browser.click("#search");
            browser.find("#results");
            assertTrue(browser.currentUrl().contains("from=2024-08-13"), "the search is the page's address");
            assertFalse(browser.find("#total").getText().startsWith("0 "), browser.find("#total").getText());
            checkLayout(browser, "01-evaluations-search");

            browser.click("a[href='/console/evaluations/" + id + "']");
            browser.find("#signals");
            List<WebElement> highlighted = browser.all(".source tr.hl");
            assertFalse(highlighted.isEmpty(), "the fired rule's lines are highlighted");
            // balanced watches no macro event, so the one rule behind this decision is the hold rule
            assertTrue(highlighted.get(0).getText().contains("rule \"Hold when nothing calls for a change\""),
                    highlighted.get(0).getText());
            checkLayout(browser, "02-decision");

            browser.click("#replay");
            assertTrue(browser.find("#replay-result").getText().contains("identical"), browser.find("#replay-result").getText());
            checkLayout(browser, "03-decision-replayed");

            browser.click("#verify");
            assertTrue(browser.find("#verify-result").getText().contains("valid"), browser.find("#verify-result").getText());
        }
    }

    @Test
    void strategistFixesABrokenCandidateRunsItsImpactActivatesItAndRollsBack() throws Exception {
        evaluate("cpi-next-day");
        try (Browser browser = Browser.open(base)) {
            browser.signIn(TestCallers.STRATEGIST);
            browser.go("/console/rulesets");
            String original = browser.find("#versions tr.active-version a").getAttribute("title");

            browser.go("/console/candidates?file=signals.drl");
            String source = browser.find("#source").getDomProperty("value");
            assertTrue(source.contains("rule \""), "the form starts from the active file");
            browser.setValue("#fileName", "signals.drl");
            browser.setValue("#source", source + "\nrule \"Broken by the browser test\"\nwhen\n    Profile( maxRatio > )\nthen\nend\n");
            browser.click("#validate");
            WebElement errors = browser.find("#candidate-errors");
            assertTrue(errors.getText().contains("signals.drl:"), errors.getText());
            assertFalse(browser.all("#candidate-errors tr.err").isEmpty(), "the offending line is marked in place");
            checkLayout(browser, "04-candidate-broken");

            browser.setValue("#source", source + "\n// tuned in the console at " + Instant.now() + "\n");
            browser.click("#validate");
            String candidate = browser.find("#candidate-version").getText();
            assertTrue(candidate.startsWith("sha256:"), candidate);
            browser.setValue("#impact-from", "2024-08-13");
            browser.setValue("#impact-to", "2024-08-13");
            browser.click("#run-impact");
            assertTrue(browser.find("#impact-summary").getText().contains("would change"),
                    browser.find("#impact-summary").getText());
            checkLayout(browser, "05-candidate-impact");

            browser.click("#to-activate");
            assertTrue(browser.find("#confirmation").getText().contains("signals.drl (changed)"),
                    browser.find("#confirmation").getText());
            checkLayout(browser, "06-activate-confirmation");
            browser.click("#confirm-activate");
            browser.find("#notice");
            assertEquals(candidate, browser.find("#versions tr.active-version a").getAttribute("title"));
            checkLayout(browser, "07-rulesets-after-activation");

            browser.go("/console/rulesets/" + original + "/activate");
            browser.click("#confirm-activate");
            browser.find("#notice");
            assertEquals(original, browser.find("#versions tr.active-version a").getAttribute("title"));
            String history = browser.find("#activations").getText();
            assertTrue(history.contains(candidate) && history.contains(TestCallers.STRATEGIST),
                    "the activation history names the version and who activated it: " + history);
            checkLayout(browser, "08-rulesets-rolled-back");

            browser.go("/console/rulesets?version=" + candidate + "&against=" + original);
            browser.find("table.diff");
            checkLayout(browser, "09-rulesets-diff");
        }
    }

    @Test
    void everyOtherPageRendersWithoutHorizontalScroll() throws Exception {
        try (Browser browser = Browser.open(base)) {
            browser.signIn(TestCallers.AUDITOR);
            browser.go("/console/profiles");
            browser.find("#profile-values");
            checkLayout(browser, "10-profiles");
            browser.go("/console/audit");
            browser.click("#verify-chain");
            assertTrue(browser.find("#chain-result").getText().contains("Valid"), browser.find("#chain-result").getText());
            checkLayout(browser, "11-audit");
            browser.signIn(TestCallers.STRATEGIST);
            browser.go("/console/backtests");
            browser.find("#backtest-form");
            checkLayout(browser, "12-backtests");
        }
    }

    private static void checkLayout(Browser browser, String name) throws Exception {
        browser.screenshot(name);
        assertFalse(browser.scrollsHorizontally(), name + " scrolls horizontally at 1280 px");
        assertEquals(java.util.List.of(), browser.unlabelledFields(), name + " has form fields without a label");
        assertTrue(browser.everyControlIsTabbable(), name + " takes a control out of the keyboard's tab order");
    }

    /** Records one evaluation of a shipped example through the API and answers its id. */
    private static String evaluate(String example) throws Exception {
        awaitReady();
        return given().contentType("application/json").body(Files.readString(Path.of("examples", example + ".json")))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().path("evaluationId");
    }

    private static void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (given().when().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service not ready within 60 s");
    }
}

package com.alvh.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.alvh.api.SecurityProblems;
import com.alvh.testing.TestCallers;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * The three ways in: HTTP Basic, the console's login form and OIDC bearer tokens (signed here with the test key whose
 * public half is %test.quarkus.oidc.public-key, so no identity server runs). Each gives the caller's name to
 * {@code SecurityContext.getUserPrincipal()}, which {@code /console/me} shows.
 */
@QuarkusTest
class SignInTest {

    @Test
    void basicCallerNameReachesTheSecurityContext() {
        given().auth().preemptive().basic(TestCallers.CLIENT, TestCallers.PASSWORD)
                .get("/console/me")
                .then().statusCode(200).body(containsString("<strong id=\"caller\">test-client</strong>"));
    }

    @Test
    void loginPageHasLabelledFields() {
        given().auth().none().get("/console/login")
                .then().statusCode(200)
                .body(containsString("<label for=\"j_username\">"), containsString("<label for=\"j_password\">"),
                        containsString("action=\"/j_security_check\""));
    }

    @Test
    void formLoginOpensTheConsole() {
        given().auth().none().redirects().follow(false).get("/console/me")
                .then().statusCode(302).header("Location", endsWith("/console/login"));

        var login = given().auth().none().redirects().follow(false)
                .formParam("j_username", TestCallers.AUDITOR).formParam("j_password", TestCallers.PASSWORD)
                .post("/j_security_check");
        // no page was asked for first: the landing page, which sends an auditor on to the evaluation search
        login.then().statusCode(302).header("Location", endsWith("/console"));
        String session = login.cookie("quarkus-credential");
        assertNotNull(session, "no session cookie after a good login");

        given().auth().none().redirects().follow(false).cookie("quarkus-credential", session).get("/console")
                .then().statusCode(303).header("Location", endsWith("/console/evaluations"));
        given().auth().none().cookie("quarkus-credential", session).get("/console/me")
                .then().statusCode(200).body(containsString("<strong id=\"caller\">test-auditor</strong>"));
        // the form session carries the same roles into the API
        given().auth().none().cookie("quarkus-credential", session).get("/api/v1/audit/verify").then().statusCode(200);
        given().auth().none().cookie("quarkus-credential", session).contentType("application/json").body("{}")
                .post("/api/v1/rulesets/validate").then().statusCode(403);
    }

    @Test
    void formLoginWithAWrongPasswordReturnsToTheLoginPage() {
        var refused = given().auth().none().redirects().follow(false)
                .formParam("j_username", TestCallers.AUDITOR).formParam("j_password", "wrong-password")
                .post("/j_security_check");
        refused.then().statusCode(302).header("Location", containsString("/console/login?error=true"));
        assertNull(refused.cookie("quarkus-credential"), "a refused sign-in must not open a session");
    }

    @Test
    void aSignInReturnsToTheConsolePageAskedFor() {
        var asked = given().auth().none().redirects().follow(false).get("/console/rulesets?compare=a");
        asked.then().statusCode(302).header("Location", endsWith("/console/login"));
        String location = asked.cookie("quarkus-redirect-location");
        assertNotNull(location, "the page asked for is not remembered");

        given().auth().none().redirects().follow(false).cookie("quarkus-redirect-location", location)
                .formParam("j_username", TestCallers.STRATEGIST).formParam("j_password", TestCallers.PASSWORD)
                .post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/console/rulesets?compare=a"));
    }

    @Test
    void aUserAddedToTheStoreSignsInWithoutARestart() {
        FileUserStore store = new FileUserStore(TestCallers.DATA_DIR);
        store.put(new StoredUser("late-arrival", Passwords.hash("late-password"), Set.of(Roles.AUDITOR)));
        try {
            given().auth().preemptive().basic("late-arrival", "late-password").get("/api/v1/audit/verify")
                    .then().statusCode(200);
        } finally {
            store.remove("late-arrival");
        }
        given().auth().preemptive().basic("late-arrival", "late-password").get("/api/v1/audit/verify")
                .then().statusCode(401);
    }

    @Test
    void anOidcTokenWithTheAuditorRoleReadsTheAudit() throws Exception {
        String token = Jwt.upn("olga@example.com").groups(Set.of(Roles.AUDITOR)).issuer("https://idp.example.com")
                .expiresIn(300).sign(testKey());
        given().auth().oauth2(token).get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        given().auth().oauth2(token).get("/console/me")
                .then().statusCode(200).body(containsString("<strong id=\"caller\">olga@example.com</strong>"));
        given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/v1/evaluations")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(SecurityProblems.FORBIDDEN));
    }

    @Test
    void anExpiredOidcTokenIsRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        String token = Jwt.upn("olga@example.com").groups(Set.of(Roles.AUDITOR)).issuer("https://idp.example.com")
                .issuedAt(now - 7200).expiresAt(now - 3600).sign(testKey());
        given().auth().oauth2(token).get("/api/v1/audit/verify")
                .then().statusCode(401).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(SecurityProblems.UNAUTHENTICATED));
    }

    @Test
    void anOidcTokenSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = Jwt.upn("mallory").groups(Set.of(Roles.AUDITOR, Roles.OPERATOR)).issuer("https://idp.example.com")
                .expiresIn(300).sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(token).get("/api/v1/audit/verify")
                .then().statusCode(401).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(SecurityProblems.UNAUTHENTICATED));
    }

    /** The private half of the test key pair (PKCS#8 PEM in src/test/resources/oidc). */
    static PrivateKey testKey() throws IOException, GeneralSecurityException {
        try (InputStream in = SignInTest.class.getResourceAsStream("/oidc/private-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }
}

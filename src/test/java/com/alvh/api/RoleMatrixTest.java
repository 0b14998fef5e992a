package com.alvh.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.alvh.identity.Roles;
import com.alvh.testing.TestCallers;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * api.md "Endpoints", who column: every endpoint x every role and no credentials. The JAX-RS endpoints are found by
 * reflection, so a new endpoint fails here until it has a row in {@link #WHO} (and, to pass, the roles api.md gives
 * it). 401 without credentials, 403 with the wrong role, both problem+json; the right role is never refused.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final String ALL = "all";
    private static final String OPEN = "open";

    /** "METHOD path" -> the roles api.md gives it ("all" = any ALVH role, "open" = no authentication). */
    static final Map<String, Set<String>> WHO = new LinkedHashMap<>();

    static {
        who("POST /api/v1/evaluations", Roles.CLIENT);
        who("GET /api/v1/evaluations/{id}", Roles.AUDITOR);
        who("GET /api/v1/evaluations", Roles.AUDITOR);
        who("POST /api/v1/evaluations/{id}/replay", Roles.AUDITOR);
        who("GET /api/v1/audit/verify", Roles.AUDITOR);
        who("GET /api/v1/audit/export", Roles.AUDITOR);
        who("GET /api/v1/rulesets/active", ALL);
        who("GET /api/v1/rulesets/{version}", ALL);
        who("POST /api/v1/rulesets/candidates", Roles.STRATEGIST);
        who("POST /api/v1/rulesets/{version}/impact", Roles.STRATEGIST);
        who("POST /api/v1/rulesets/validate", Roles.STRATEGIST);
        who("GET /api/v1/profiles", ALL);
        who("GET /api/v1/profiles/{name}", ALL);
        who("GET /api/v1/calendar/vx-expiries", ALL);
        who("GET /api/v1/backtests", Roles.STRATEGIST);
        who("POST /api/v1/backtests", Roles.STRATEGIST);
        who("GET /api/v1/backtests/{id}", Roles.STRATEGIST);
        who("GET /api/v1/backtests/{id}/report.json", Roles.STRATEGIST);
        who("GET /api/v1/backtests/{id}/report.html", Roles.STRATEGIST);
        who("GET /console/login", OPEN);
        who("GET /console/me", ALL);
        // console (issue 13): the API it is built on, then its pages
        who("GET /api/v1/evaluations/export.csv", Roles.AUDITOR);
        who("GET /api/v1/evaluations/export.jsonl", Roles.AUDITOR);
        who("GET /api/v1/evaluations/{id}/chain", Roles.AUDITOR);
        who("GET /api/v1/audit/daily-counts", Roles.AUDITOR);
        who("GET /api/v1/rulesets", Roles.AUDITOR, Roles.STRATEGIST);
        who("GET /api/v1/rulesets/activations", Roles.AUDITOR, Roles.STRATEGIST);
        who("GET /api/v1/rulesets/{version}/diff", Roles.AUDITOR, Roles.STRATEGIST);
        who("GET /api/v1/rulesets/{version}/gate", Roles.AUDITOR, Roles.STRATEGIST);
        who("POST /api/v1/rulesets/{version}/activate", Roles.STRATEGIST);
        who("GET /api/v1/profiles/{name}/versions", Roles.AUDITOR, Roles.STRATEGIST);
        who("GET /api/v1/profiles/{name}/versions/{version}", Roles.AUDITOR, Roles.STRATEGIST);
        who("GET /api/v1/profiles/{name}/versions/{version}/diff", Roles.AUDITOR, Roles.STRATEGIST);
        who("POST /api/v1/profiles/{name}/versions/{version}/activate", Roles.STRATEGIST);
        who("GET /console/profiles/{name}/versions/{version}/activate", Roles.STRATEGIST);
        who("POST /console/profiles/{name}/versions/{version}/activate", Roles.STRATEGIST);
        who("GET /console", ALL);
        who("GET /console/evaluations", Roles.AUDITOR);
        who("GET /console/evaluations/{id}", Roles.AUDITOR);
        who("POST /console/evaluations/{id}/replay", Roles.AUDITOR);
        who("POST /console/evaluations/{id}/verify", Roles.AUDITOR);
        who("GET /console/rulesets", Roles.AUDITOR, Roles.STRATEGIST);
        who("GET /console/rulesets/{version}", Roles.AUDITOR, Roles.STRATEGIST);
        who("GET /console/rulesets/{version}/activate", Roles.STRATEGIST);
        who("POST /console/rulesets/{version}/activate", Roles.STRATEGIST);
        who("GET /console/profiles", Roles.AUDITOR, Roles.STRATEGIST);
        who("GET /console/candidates", Roles.STRATEGIST);
        who("POST /console/candidates", Roles.STRATEGIST);
        who("POST /console/candidates/{version}/impact", Roles.STRATEGIST);
        who("GET /console/backtests", Roles.STRATEGIST);
        who("GET /console/audit", Roles.AUDITOR);
        who("POST /console/audit/verify", Roles.AUDITOR);
        who("GET /api/v1/audit/checkpoints", Roles.AUDITOR);
        who("GET /api/v1/audit/checkpoints/public-key", Roles.AUDITOR);
        who("GET /api/v1/profiles/schema", ALL);
        who("POST /api/v1/scenarios/run", Roles.STRATEGIST);
    }

    /** Routes outside JAX-RS, protected by HTTP permissions in application.properties. */
    static final Map<String, Set<String>> NON_JAXRS = Map.of(
            "GET /q/health/ready", Set.of(OPEN),
            "GET /q/health/live", Set.of(OPEN),
            "GET /q/openapi", Set.of(ALL),
            "GET /q/metrics", Set.of(Roles.OPERATOR));

    private static void who(String endpoint, String... roles) {
        WHO.put(endpoint, Set.of(roles));
    }

    @Test
    void everyEndpointHasARowAndARoleAnnotation() {
        Map<String, Boolean> found = endpoints();
        Set<String> missing = new TreeSet<>(found.keySet());
        missing.removeAll(WHO.keySet());
        assertTrue(missing.isEmpty(), "endpoints without a row in the role matrix (add it with the roles api.md gives): " + missing);
        Set<String> gone = new TreeSet<>(WHO.keySet());
        gone.removeAll(found.keySet());
        assertTrue(gone.isEmpty(), "rows for endpoints that no longer exist: " + gone);
        found.forEach((endpoint, annotated) -> assertTrue(annotated,
                endpoint + " has neither @RolesAllowed nor @PermitAll (it is closed by deny-unannotated-endpoints)"));
    }

    @Test
    void everyEndpointAnswersEachRoleAsApiMdSays() {
        Map<String, Set<String>> matrix = new LinkedHashMap<>(WHO);
        matrix.putAll(NON_JAXRS);
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (var row : matrix.entrySet()) {
            String endpoint = row.getKey();
            Set<String> who = row.getValue();
            Response anonymous = call(given().auth().none(), endpoint);
            calls++;
            if (who.contains(OPEN)) {
                expectAdmitted(wrong, endpoint, "no credentials", anonymous);
            } else if (endpoint.contains(" /console/") || endpoint.endsWith(" /console")) {
                if (anonymous.statusCode() != 302 || !"/console/login".equals(location(anonymous))) {
                    wrong.add(endpoint + " without credentials: expected a redirect to /console/login, got "
                            + anonymous.statusCode() + " " + anonymous.header("Location"));
                }
            } else {
                expectProblem(wrong, endpoint, "no credentials", anonymous, 401, SecurityProblems.UNAUTHENTICATED);
                if (anonymous.header("WWW-Authenticate") == null || !anonymous.header("WWW-Authenticate").startsWith("Basic")) {
                    wrong.add(endpoint + " without credentials: no WWW-Authenticate: Basic header");
                }
            }
            for (var user : TestCallers.USERS.entrySet()) {
                Response answer = call(given().auth().preemptive().basic(user.getKey(), TestCallers.PASSWORD), endpoint);
                calls++;
                boolean allowed = who.contains(OPEN) || who.contains(ALL)
                        || user.getValue().stream().anyMatch(who::contains);
                if (allowed) {
                    expectAdmitted(wrong, endpoint, user.getKey(), answer);
                } else {
                    expectProblem(wrong, endpoint, user.getKey(), answer, 403, SecurityProblems.FORBIDDEN);
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + calls + " calls answered wrongly:\n" + String.join("\n", wrong));
    }

    @Test
    void wrongPasswordIsA401Problem() {
        Response answer = call(given().auth().preemptive().basic(TestCallers.AUDITOR, "not-the-password"),
                "GET /api/v1/audit/verify");
        List<String> wrong = new ArrayList<>();
        expectProblem(wrong, "GET /api/v1/audit/verify", "wrong password", answer, 401, SecurityProblems.UNAUTHENTICATED);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        Response unknown = call(given().auth().preemptive().basic("nobody-at-all", "whatever-password"),
                "GET /api/v1/profiles");
        assertEquals(401, unknown.statusCode());
    }

    private static void expectAdmitted(List<String> wrong, String endpoint, String caller, Response answer) {
        int status = answer.statusCode();
        if (status == 401 || status == 403 || status >= 500) {
            wrong.add(endpoint + " as " + caller + ": expected to be let in, got " + status + " " + answer.asString());
        }
    }

    private static void expectProblem(List<String> wrong, String endpoint, String caller, Response answer, int status,
            String type) {
        String where = endpoint + " as " + caller + ": ";
        if (answer.statusCode() != status) {
            wrong.add(where + "expected " + status + ", got " + answer.statusCode() + " " + answer.asString());
            return;
        }
        String contentType = answer.contentType();
        if (contentType == null || !contentType.startsWith(Problem.MEDIA_TYPE)) {
            wrong.add(where + "expected " + Problem.MEDIA_TYPE + ", got " + contentType);
            return;
        }
        if (!type.equals(answer.jsonPath().getString("type")) || answer.jsonPath().getInt("status") != status
                || answer.jsonPath().getString("title") == null || answer.jsonPath().getString("detail") == null) {
            wrong.add(where + "problem body " + answer.asString());
        }
    }

    private static String location(Response answer) {
        String location = answer.header("Location");
        return location == null ? null : location.replaceFirst("^https?://[^/]+", "");
    }

    /** Path parameters become names that exist nowhere; POST bodies are an empty JSON object. */
    private static Response call(RequestSpecification request, String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "no-such-thing");
        RequestSpecification spec = request.redirects().follow(false);
        if (path.endsWith("/vx-expiries")) {
            spec = spec.queryParam("from", "2024-01-01").queryParam("to", "2024-12-31");
        }
        if (method.equals("POST") && path.startsWith("/console/")) {
            // console forms post form data; a JSON body would be refused (415) before the role is checked
            return spec.contentType("application/x-www-form-urlencoded").formParam("fileName", "x.drl").post(path);
        }
        if (method.equals("POST")) {
            return spec.contentType("application/json").body("{}").post(path);
        }
        return spec.get(path);
    }

    /** "METHOD path" of every JAX-RS resource method under com.alvh -> whether it carries a role annotation. */
    static Map<String, Boolean> endpoints() {
        Map<String, Boolean> endpoints = new LinkedHashMap<>();
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.alvh")) {
            if (!javaClass.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = javaClass.reflect();
            String base = resource.getAnnotation(Path.class).value();
            boolean classAnnotated = resource.isAnnotationPresent(RolesAllowed.class) || resource.isAnnotationPresent(PermitAll.class);
            for (var method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = ("/" + base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                if (path.length() > 1 && path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                boolean annotated = classAnnotated || method.isAnnotationPresent(RolesAllowed.class)
                        || method.isAnnotationPresent(PermitAll.class);
                assertFalse(endpoints.containsKey(verb + " " + path) && !annotated, "duplicate " + verb + " " + path);
                endpoints.merge(verb + " " + path, annotated, Boolean::logicalAnd);
            }
        }
        return endpoints;
    }

    private static String verb(java.lang.reflect.Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        if (method.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        }
        if (method.isAnnotationPresent(HEAD.class)) {
            return "HEAD";
        }
        return null;
    }
}

package com.alvh.api;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * 401 and 403 as problem+json, with stable type URIs (api.md "Errors"). An API caller without (valid) credentials
 * gets {@code 401} and {@code WWW-Authenticate: Basic}; a console page sends the browser to the sign-in page instead.
 * The same answers are given by {@link ProblemChallenge} where the HTTP layer refuses before any resource runs.
 */
public class SecurityProblems {

    public static final String UNAUTHENTICATED = "https://alvh.dev/problems/unauthenticated";
    public static final String FORBIDDEN = "https://alvh.dev/problems/forbidden";
    public static final String LOGIN_PAGE = "/console/login";
    /** Where the login form posts (Quarkus' default {@code quarkus.http.auth.form.post-location}). */
    static final String FORM_POST = "/j_security_check";
    static final String BASIC_CHALLENGE = "Basic realm=\"alvh\", charset=\"UTF-8\"";

    static Problem unauthenticated() {
        return new Problem(UNAUTHENTICATED, "Unauthorized", 401,
                "Authentication is required: HTTP Basic with a user of this service, or an OIDC bearer token where one is configured",
                List.of(), null);
    }

    static Problem forbidden() {
        return new Problem(FORBIDDEN, "Forbidden", 403, "The authenticated caller does not hold a role this call requires",
                List.of(), null);
    }

    static boolean isConsole(String path) {
        return path != null && (path.equals("/console") || path.startsWith("/console/"));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return challenge(request.path());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return challenge(request.path());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMappers.respond(forbidden());
    }

    static Response challenge(String path) {
        if (isConsole(path)) {
            return Response.status(Response.Status.FOUND).header(HttpHeaders.LOCATION, LOGIN_PAGE).build();
        }
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE)
                .entity(unauthenticated()).build();
    }
}

package com.alvh.api;

import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP layer's refusals in the one error contract. Quarkus refuses an unauthenticated request on a protected path
 * (see the {@code quarkus.http.auth.permission} settings) by asking the authentication mechanisms for a challenge, the
 * highest priority first: this mechanism authenticates nobody and answers that challenge with a 401 problem+json and
 * {@code WWW-Authenticate: Basic} (or a redirect to the sign-in page for the console), so Basic, the form and OIDC keep
 * authenticating while none of them decides what a refusal looks like. Wrong credentials and a 403 from an HTTP
 * permission arrive as a failed route; {@link #install} gives those the same bodies.
 */
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {

    /** Above Basic (2000), the form (1000) and OIDC bearer, so its challenge is the one sent. */
    static final int PRIORITY = 5000;
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    @Inject
    ObjectMapper json;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.auth.form.location-cookie",
            defaultValue = "quarkus-redirect-location")
    String locationCookie;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (SecurityProblems.isConsole(context.normalizedPath())) {
            rememberConsolePage(context);
            return Uni.createFrom().item(new ChallengeData(302, HttpHeaders.LOCATION, SecurityProblems.LOGIN_PAGE));
        }
        return Uni.createFrom().item(new ChallengeData(401, WWW_AUTHENTICATE, SecurityProblems.BASIC_CHALLENGE));
    }

    /**
     * This challenge replaces the form's own, so it also does what the form's would: note the page asked for in the
     * form's location cookie, which the form sends the browser back to after a good sign-in (to the landing page,
     * /console, otherwise). Only a page read (GET) is worth returning to.
     */
    private void rememberConsolePage(RoutingContext context) {
        if (context.request().method() != io.vertx.core.http.HttpMethod.GET) {
            return;
        }
        context.response().addCookie(io.vertx.core.http.Cookie.cookie(locationCookie, context.request().absoluteURI())
                .setPath("/").setHttpOnly(true).setSecure(context.request().isSSL())
                .setSameSite(io.vertx.core.http.CookieSameSite.STRICT));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        refuse(context, 401);
        return Uni.createFrom().item(true);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    void install(@Observes Router router) {
        router.route().failureHandler(context -> {
            Throwable failure = rootCause(context.failure());
            if (context.response().ended()) {
                return;
            }
            if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
                refuse(context, 401);
            } else if (failure instanceof ForbiddenException) {
                refuse(context, 403);
            } else {
                context.next();
            }
        });
    }

    private void refuse(RoutingContext context, int status) {
        var response = context.response();
        if (response.ended()) {
            return;
        }
        if (status == 401 && SecurityProblems.FORM_POST.equals(context.normalizedPath())) {
            // a failed console sign-in goes back to the form, which says so
            response.setStatusCode(302).putHeader(HttpHeaders.LOCATION, SecurityProblems.LOGIN_PAGE + "?error=true").end();
            return;
        }
        if (status == 401 && SecurityProblems.isConsole(context.normalizedPath())) {
            rememberConsolePage(context);
            response.setStatusCode(302).putHeader(HttpHeaders.LOCATION, SecurityProblems.LOGIN_PAGE).end();
            return;
        }
        Problem problem = status == 401 ? SecurityProblems.unauthenticated() : SecurityProblems.forbidden();
        if (status == 401 && !response.headers().contains(WWW_AUTHENTICATE)) {
            response.putHeader(WWW_AUTHENTICATE, SecurityProblems.BASIC_CHALLENGE);
        }
        try {
            response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            response.setStatusCode(status).end();
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

package com.alvh.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.alvh.config.AlvhConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * Problem+json for the errors made below JAX-RS, by Vert.x and Quarkus: unknown paths outside the resources,
 * bodies over {@code quarkus.http.limits.max-body-size}, and too long URIs and header sections.
 *
 * <p>Vert.x answers a request line or header section over the codec limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) with a bare 414/431 before any route
 * sees it, and Quarkus offers no hook there. So the codec limits are set well above the documented ones and this
 * class enforces the documented ones (and the declared body length, which Quarkus would refuse with a bare 413) ({@code alvh.http.max-uri-length}, {@code alvh.http.max-header-bytes}) first in
 * the router, where it can answer problem+json. Only a request over the codec limits still gets the bare answer.
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** Statuses that this layer shapes; anything else (notably security failures) goes on to Quarkus' handlers. */
    private static final Map<Integer, String> SHAPED = Map.of(400, "Bad Request", 404, "Not Found",
            405, "Method Not Allowed", 406, "Not Acceptable", 413, "Request Entity Too Large",
            414, "URI Too Long", 415, "Unsupported Media Type", 431, "Request Header Fields Too Large",
            503, "Service Unavailable");

    private final ObjectMapper json;
    private final int maxUriLength;
    private final int maxHeaderBytes;
    private final long maxBodyBytes;

    @Inject
    public HttpLayerProblems(ObjectMapper json, AlvhConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.json = json;
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.maxUriLength = config.http().maxUriLength();
        this.maxHeaderBytes = config.http().maxHeaderBytes();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkLimits);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.errorHandler(404, ctx -> send(ctx, Problem.ofStatus(404, "Not Found",
                "no resource at " + ctx.request().path())));
        router.errorHandler(405, ctx -> send(ctx, Problem.ofStatus(405, "Method Not Allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path())));
    }

    private void checkLimits(RoutingContext ctx) {
        int uriLength = ctx.request().uri().length();
        if (uriLength > maxUriLength) {
            send(ctx, Problem.of(ProblemType.URI_TOO_LONG,
                    "the request URI has " + uriLength + " characters; the limit is " + maxUriLength, List.of()));
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> h : ctx.request().headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4; // ": " and CRLF
        }
        if (headerBytes > maxHeaderBytes) {
            send(ctx, Problem.of(ProblemType.HEADERS_TOO_LARGE,
                    "the request headers take " + headerBytes + " bytes; the limit is " + maxHeaderBytes, List.of()));
            return;
        }
        // Quarkus' own check of the declared length (order -2) answers a bare 413; this one runs first
        String declared = ctx.request().getHeader("Content-Length");
        if (declared != null && declaredLength(declared) > maxBodyBytes) {
            ctx.response().putHeader("Connection", "close");
            send(ctx, Problem.of(ProblemType.BODY_TOO_LARGE, "the request body declares " + declared
                    + " bytes; the limit is " + maxBodyBytes, List.of()));
            return;
        }
        ctx.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed length itself
        }
    }

    private void failed(RoutingContext ctx) {
        int status = ctx.failure() instanceof HttpException e ? e.getStatusCode() : ctx.statusCode();
        String reason = SHAPED.get(status);
        if (reason == null || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        String detail = switch (status) {
            case 413 -> "the request body is larger than the service accepts";
            case 404 -> "no resource at " + ctx.request().path();
            default -> reason;
        };
        send(ctx, Problem.ofStatus(status, reason, detail));
    }

    private void send(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"" + problem.type() + "\",\"status\":" + problem.status() + "}";
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}

package com.alvh.api;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.alvh.evaluation.Violation;

/**
 * A POST, PUT or PATCH to the API that carries a body must declare it {@code application/json}; anything else,
 * a missing Content-Type included, is a 415 problem before the body is read. Bodiless POSTs (replay, activate) pass.
 */
public class JsonBodyFilter {

    @ServerRequestFilter(preMatching = true)
    public Response requireJson(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))
                || !isApi(request.getUriInfo().getPath()) || !hasBody(request)) {
            return null;
        }
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()
                && !type.isWildcardSubtype()) {
            return null;
        }
        String declared = type == null ? "no Content-Type" : "Content-Type " + type;
        return ProblemMappers.respond(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "the body must be declared application/json; this request has " + declared,
                List.of(new Violation("Content-Type", "must be application/json"))));
    }

    private static boolean isApi(String path) {
        return (path.startsWith("/") ? path.substring(1) : path).startsWith("api/");
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                return Long.parseLong(length.trim()) > 0;
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}

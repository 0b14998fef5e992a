package com.alvh.audit.api;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** RFC 9457 problem details, the one error shape of the API. */
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Violation(String field, String message) {
    }

    static Response badParameter(String parameter, String message) {
        Problem p = new Problem("about:blank", "Bad Request", 400, "invalid query parameter '" + parameter + "'",
                List.of(new Violation(parameter, message)));
        return Response.status(400).type(MEDIA_TYPE).entity(p).build();
    }

    static Response notFound(String detail) {
        return Response.status(404).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", "Not Found", 404, detail, List.of())).build();
    }

    /** Thrown by parameter parsing, answered as {@link #badParameter}. */
    static final class BadParameter extends RuntimeException {
        final String parameter;

        BadParameter(String parameter, String message) {
            super(message, null, false, false);
            this.parameter = parameter;
        }

        Response response() {
            return badParameter(parameter, getMessage());
        }
    }
}

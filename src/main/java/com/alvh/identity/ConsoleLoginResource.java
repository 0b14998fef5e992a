package com.alvh.identity;

import java.security.Principal;
import java.util.TreeSet;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The console's sign-in page (the form posts to Quarkus' {@code /j_security_check}) and {@code /console/me}, the
 * page a successful sign-in lands on. Deliberately minimal: the console proper is built elsewhere and may replace
 * both pages with its own templates as long as the field names {@code j_username}, {@code j_password} stay.
 */
@Path("/console")
public class ConsoleLoginResource {

    @Inject
    Caller caller;

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public String login(@QueryParam("error") String error) {
        String message = error == null ? "" : "<p role=\"alert\">Wrong user name or password.</p>\n";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>ALVH - sign in</title></head>
                <body>
                <main>
                <h1>Sign in to ALVH</h1>
                %s<form method="post" action="/j_security_check">
                  <p><label for="j_username">User name</label>
                     <input id="j_username" name="j_username" type="text" autocomplete="username" required autofocus></p>
                  <p><label for="j_password">Password</label>
                     <input id="j_password" name="j_password" type="password" autocomplete="current-password" required></p>
                  <p><button type="submit">Sign in</button></p>
                </form>
                </main>
                </body>
                </html>
                """.formatted(message);
    }

    // roles: all
    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @Path("me")
    @RolesAllowed({Roles.CLIENT, Roles.AUDITOR, Roles.STRATEGIST, Roles.OPERATOR})
    @Produces(MediaType.TEXT_HTML)
    public String me(@Context SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>ALVH - signed in</title></head>
                <body><main><h1>Signed in</h1>
                <p>You are <strong id="caller">%s</strong> with roles <span id="roles">%s</span>.</p>
                </main></body>
                </html>
                """.formatted(escape(Caller.nameOf(principal)), escape(String.join(", ", new TreeSet<>(caller.roles()))));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

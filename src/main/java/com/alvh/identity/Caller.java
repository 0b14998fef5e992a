package com.alvh.identity;

import java.security.Principal;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The authenticated caller of the current request, whichever way they signed in (Basic, the console form, an OIDC
 * bearer token): its name goes into audit and activation records. JAX-RS code may equally use
 * {@code SecurityContext.getUserPrincipal()}, which carries the same name; {@link #nameOf(Principal)} maps both.
 */
@RequestScoped
public class Caller {

    /** The name recorded when nobody is authenticated (only possible on open paths such as health). */
    public static final String ANONYMOUS = "anonymous";

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.isAnonymous() ? ANONYMOUS : nameOf(identity.getPrincipal());
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public static String nameOf(Principal principal) {
        return principal == null || principal.getName() == null || principal.getName().isBlank() ? ANONYMOUS
                : principal.getName();
    }
}

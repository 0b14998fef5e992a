package com.alvh.identity;

import java.security.Principal;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The authenticated caller of the current request, whichever way they signed in (Basic, the console form, an OIDC
 * bearer token): its name goes into audit and activation records. This is the one place that names a caller:
 * resources and console pages call {@link #nameOf(SecurityContext)}, which gives the same name as {@link #name()}.
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

    /** The name of a JAX-RS request's caller (resources and console pages use this, not their own mapping). */
    public static String nameOf(SecurityContext security) {
        return nameOf(security == null ? null : security.getUserPrincipal());
    }

    public static String nameOf(Principal principal) {
        return principal == null || principal.getName() == null || principal.getName().isBlank() ? ANONYMOUS
                : principal.getName();
    }
}

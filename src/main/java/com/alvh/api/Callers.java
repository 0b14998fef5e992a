package com.alvh.api;

import jakarta.ws.rs.core.SecurityContext;

/** The caller's name as version history records it: the authenticated principal, or "anonymous" without one. */
public final class Callers {

    public static final String ANONYMOUS = "anonymous";

    private Callers() {
    }

    public static String name(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            return ANONYMOUS;
        }
        String name = security.getUserPrincipal().getName();
        return name == null || name.isBlank() ? ANONYMOUS : name;
    }
}

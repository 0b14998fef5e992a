package com.alvh.identity;

import java.util.List;
import java.util.Set;

/**
 * The four roles of api.md "Identity and roles". Constants (not an enum) so they can appear in
 * {@code @RolesAllowed} on resources.
 */
public final class Roles {

    /** Evaluates. */
    public static final String CLIENT = "client";
    /** Reads the audit: evaluations, replay, verify, export, versions. */
    public static final String AUDITOR = "auditor";
    /** Validates, stores candidates, dry runs, impact, backtests, activates or rolls back versions. */
    public static final String STRATEGIST = "strategist";
    /** Users and settings. */
    public static final String OPERATOR = "operator";

    /** Every role, in the order api.md lists them. */
    public static final List<String> ALL = List.of(CLIENT, AUDITOR, STRATEGIST, OPERATOR);

    private Roles() {
    }

    /** The roles that are not ALVH roles, empty when every one is known. */
    public static Set<String> unknown(Set<String> roles) {
        return roles.stream().filter(r -> !ALL.contains(r)).collect(java.util.stream.Collectors.toSet());
    }
}

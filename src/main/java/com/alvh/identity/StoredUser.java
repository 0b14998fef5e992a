package com.alvh.identity;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One user of the embedded store: a name, a bcrypt hash (Modular Crypt Format, never the password) and roles.
 */
public record StoredUser(String name, String passwordHash, Set<String> roles) {

    /** Names usable in a Basic header and a log line: no colon, no space, no control character. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public StoredUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("user name '" + name
                    + "' must be 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        Set<String> unknown = Roles.unknown(roles);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown role(s) " + new TreeSet<>(unknown) + "; roles are " + Roles.ALL);
        }
        roles = Set.copyOf(new TreeSet<>(roles));
    }

    /** Roles sorted, for listing. */
    public java.util.List<String> sortedRoles() {
        return roles.stream().sorted(java.util.Comparator.comparingInt(Roles.ALL::indexOf)).toList();
    }
}

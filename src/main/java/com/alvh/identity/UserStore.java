package com.alvh.identity;

import java.util.List;
import java.util.Optional;

/**
 * Where users live. The embedded default is {@link FileUserStore} under the data dir; a clustered deployment can
 * supply a database-backed implementation of this interface instead.
 */
public interface UserStore {

    Optional<StoredUser> find(String name);

    /** Every user, sorted by name. */
    List<StoredUser> list();

    /** Adds the user or replaces the one with the same name; returns true when it replaced one. */
    boolean put(StoredUser user);

    /** Removes the user; false when there was none of that name. */
    boolean remove(String name);

    /**
     * Adds the user only when the store holds no user at all, atomically with that check (the first-start admin
     * must not race a {@code users add}); returns whether it was added.
     */
    boolean putIfEmpty(StoredUser user);
}

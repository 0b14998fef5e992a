package com.alvh.identity;

import java.util.List;
import java.util.Optional;

/**
 * Where users live. The embedded default is {@link FileUserStore} under the data dir; a clustered deployment can
 * supply a database-backed implementation of this interface instead.
 */
public interface UserStore {

    Optional<StoredUser> find(String name);

    /**
     * The user as this store already holds it in memory, if it can tell that copy is current without waiting on
     * anything but a file's metadata; empty otherwise (not held, changed since, unknown, or a store that always asks
     * its database), and then only {@link #find} answers. Lets a repeated sign-in skip the hand-over to a worker thread.
     */
    default Optional<StoredUser> findInMemory(String name) {
        return Optional.empty();
    }

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

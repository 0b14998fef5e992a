package com.alvh.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-start admin: created once, password file owner-only, never overwritten, never recreated. */
class InitialAdminTest {

    @TempDir
    Path dataDir;

    @Test
    void anEmptyStoreGetsAnAdminWithEveryRoleAndAnOwnerOnlyPasswordFile() throws IOException {
        FileUserStore store = new FileUserStore(dataDir);
        Optional<Path> file = InitialAdmin.create(store, dataDir);

        assertEquals(Optional.of(dataDir.resolve("initial-admin-password")), file);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file.get()));
        String password = Files.readString(file.get()).strip();
        assertEquals(32, password.length());
        StoredUser admin = store.find("admin").orElseThrow();
        assertEquals(Set.of("client", "auditor", "strategist", "operator"), admin.roles());
        assertTrue(new Passwords().matches(admin, password));

        // second start: users exist, nothing happens, the file keeps its password
        assertEquals(Optional.empty(), InitialAdmin.create(store, dataDir));
        assertEquals(password, Files.readString(file.get()).strip());
        assertTrue(new Passwords().matches(store.find("admin").orElseThrow(), password));
    }

    @Test
    void neverOverwritesAnExistingPasswordFile() throws IOException {
        Path file = Files.writeString(dataDir.resolve("initial-admin-password"), "kept\n");
        FileUserStore store = new FileUserStore(dataDir);

        assertEquals(Optional.empty(), InitialAdmin.create(store, dataDir));
        assertEquals("kept\n", Files.readString(file));
        assertTrue(store.list().isEmpty(), "no admin whose password nobody could read");
    }

    @Test
    void aStoreWithUsersGetsNoAdmin() {
        FileUserStore store = new FileUserStore(dataDir);
        store.put(new StoredUser("ann", Passwords.hash("ann-password"), Set.of("client")));
        assertEquals(Optional.empty(), InitialAdmin.create(store, dataDir));
        assertFalse(Files.exists(dataDir.resolve("initial-admin-password")));
        assertFalse(store.find("admin").isPresent());
    }
}

package com.alvh.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code users add|list|remove} on a store in a temporary data dir, streams captured. */
class UsersCommandTest {

    @TempDir
    Path dataDir;

    private record Run(int exit, String out, String err) {
    }

    private Run users(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = UsersCommand.run(List.of(args), dataDir, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void addsListsReplacesAndRemovesUsers() throws IOException {
        Run added = users("s3cret-pass\n", "add", "ann", "--roles", "client,auditor", "--password-stdin");
        assertEquals(0, added.exit(), added.err());
        assertEquals("added user ann with roles client,auditor\n", added.out());
        assertEquals(0, users("another-pass", "add", "bob", "--roles=operator", "--password-stdin").exit());

        assertEquals("ann\tclient,auditor\nbob\toperator\n", users("", "list").out());

        StoredUser ann = new FileUserStore(dataDir).find("ann").orElseThrow();
        assertTrue(ann.passwordHash().startsWith("$2"), "bcrypt in Modular Crypt Format: " + ann.passwordHash());
        assertFalse(Files.readString(dataDir.resolve("users.json")).contains("s3cret-pass"), "the password itself is stored");
        Passwords passwords = new Passwords();
        assertTrue(passwords.matches(ann, "s3cret-pass"), "the trailing newline of stdin is not part of the password");
        assertFalse(passwords.matches(ann, "s3cret-pass\n"));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(dataDir.resolve("users.json")));

        Run replaced = users("changed-pass\r\n", "add", "ann", "--roles", "strategist", "--password-stdin");
        assertEquals("replaced user ann with roles strategist\n", replaced.out());
        StoredUser changed = new FileUserStore(dataDir).find("ann").orElseThrow();
        assertEquals(Set.of("strategist"), changed.roles());
        assertTrue(passwords.matches(changed, "changed-pass"));

        assertEquals(0, users("", "remove", "ann").exit());
        assertEquals("bob\toperator\n", users("", "list").out());
        Run again = users("", "remove", "ann");
        assertEquals(1, again.exit());
        assertEquals("no user ann\n", again.out());
    }

    @Test
    void badUsageIsOneLineAndExitCode2() {
        String[][] bad = {
                {},
                {"frobnicate"},
                {"add"},
                {"add", "ann", "--password-stdin"},
                {"add", "ann", "--roles", "client"},
                {"add", "ann", "--roles", "client,superuser", "--password-stdin"},
                {"add", "ann", "--roles"},
                {"add", "ann", "bob", "--roles", "client", "--password-stdin"},
                {"add", "has space", "--roles", "client", "--password-stdin"},
                {"add", "ann", "--roles", "client", "--password-stdin", "--force"},
                {"list", "extra"},
                {"remove"},
                {"remove", "ann", "bob"},
        };
        for (String[] args : bad) {
            Run run = users("good-password\n", args);
            assertEquals(2, run.exit(), List.of(args) + ": " + run.err());
            assertTrue(run.err().startsWith("users: "), List.of(args) + ": " + run.err());
            assertEquals(1, run.err().lines().count(), List.of(args) + " printed more than one line: " + run.err());
            assertEquals("", run.out());
        }
        assertFalse(Files.exists(dataDir.resolve("users.json")), "a refused command must not write the store");
    }

    @Test
    void refusesShortOrMultiLinePasswords() {
        assertEquals(2, users("short\n", "add", "ann", "--roles", "client", "--password-stdin").exit());
        assertEquals(2, users("", "add", "ann", "--roles", "client", "--password-stdin").exit());
        assertEquals(2, users("first-line\nsecond-line\n", "add", "ann", "--roles", "client", "--password-stdin").exit());
        assertEquals("", users("", "list").out());
    }
}

package com.alvh.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import com.alvh.config.AlvhConfig;

/**
 * First start with no user at all: creates {@code admin} with every role and a random password, written once to
 * {@code <data dir>/initial-admin-password} (0600). The file is never overwritten: if it exists while the store is
 * empty, nobody is created and the log says to add a user with the {@code users} command.
 */
@ApplicationScoped
public class InitialAdmin {

    public static final String USER = "admin";
    public static final String PASSWORD_FILE = "initial-admin-password";

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class);

    @Inject
    UserStore store;

    @Inject
    AlvhConfig config;

    void onStart(@Observes StartupEvent event) {
        create(store, config.dataDir()).ifPresent(file -> LOG.infof(
                "No user existed: created user '%s' with every role; its password is in %s (owner-only). "
                        + "Add your own users with 'java -jar quarkus-run.jar users add NAME --roles ... --password-stdin'.",
                USER, file.toAbsolutePath()));
    }

    /** Creates the admin when the store is empty; returns the password file when it did. */
    public static Optional<Path> create(UserStore store, Path dataDir) {
        if (!store.list().isEmpty()) {
            return Optional.empty();
        }
        Path file = dataDir.resolve(PASSWORD_FILE);
        String password = Passwords.random();
        try {
            Files.createDirectories(dataDir);
            // CREATE_NEW through createFile: never overwrite, and owner-only from the first byte
            Files.createFile(file, FileUserStore.ownerOnly());
        } catch (FileAlreadyExistsException e) {
            LOG.warnf("The user store %s is empty but %s already exists, so no admin is created and the file is left "
                    + "as it is; add a user with 'java -jar quarkus-run.jar users add NAME --roles ... --password-stdin'.",
                    dataDir.resolve(FileUserStore.FILE_NAME).toAbsolutePath(), file.toAbsolutePath());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        try {
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
            if (!store.putIfEmpty(new StoredUser(USER, Passwords.hash(password), new HashSet<>(Roles.ALL)))) {
                // a users add won the race: the file would name a password nobody has
                Files.delete(file);
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return Optional.of(file);
    }
}

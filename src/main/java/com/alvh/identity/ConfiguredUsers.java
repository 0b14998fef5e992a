package com.alvh.identity;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import com.alvh.config.AlvhConfig;

/**
 * Test profile only: {@code %test.alvh.identity.test-users} (entries {@code name:role+role}) with the one password
 * {@code %test.alvh.identity.test-password} are written into the store at start, before {@link InitialAdmin} looks,
 * so every test profile (each with its own data dir) has the same callers. Never set these in production.
 */
@ApplicationScoped
public class ConfiguredUsers {

    private static final Logger LOG = Logger.getLogger(ConfiguredUsers.class);

    @Inject
    UserStore store;

    @Inject
    AlvhConfig config;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        Optional<List<String>> users = config.identity().testUsers();
        Optional<String> password = config.identity().testPassword();
        if (users.isEmpty() || password.isEmpty()) {
            return;
        }
        Passwords passwords = new Passwords();
        for (String entry : users.get()) {
            String[] parts = entry.trim().split(":", 2);
            Set<String> roles = new HashSet<>(Arrays.asList(parts.length > 1 ? parts[1].split("\\+") : new String[0]));
            StoredUser existing = store.find(parts[0]).orElse(null);
            if (existing == null || !existing.roles().equals(roles) || !passwords.matches(existing, password.get())) {
                store.put(new StoredUser(parts[0], Passwords.hash(password.get()), roles));
            }
        }
        LOG.warnf("Test users %s written from alvh.identity.test-users (a test-profile setting)", users.get());
    }
}

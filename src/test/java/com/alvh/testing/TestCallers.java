package com.alvh.testing;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.alvh.identity.FileUserStore;
import com.alvh.identity.Passwords;
import com.alvh.identity.Roles;
import com.alvh.identity.StoredUser;
import com.alvh.identity.UserStore;

/**
 * Registered for every test (META-INF/services; quarkus-junit turns JUnit extension autodetection on): writes the test users
 * into the test profile's user store ({@code target/test-data/users.json}) and makes REST Assured send the Basic
 * credentials of {@link #ALL_ROLES} with every request, so {@code given()} tests are authenticated without edits.
 * A test that needs another caller says so: {@code .auth().preemptive().basic(TestCallers.AUDITOR, PASSWORD)} or
 * {@code .auth().none()}.
 */
public class TestCallers implements BeforeAllCallback, BeforeEachCallback {

    public static final String PASSWORD = "test-password";
    public static final String ALL_ROLES = "test-all";
    public static final String CLIENT = "test-client";
    public static final String AUDITOR = "test-auditor";
    public static final String STRATEGIST = "test-strategist";
    public static final String OPERATOR = "test-operator";

    /** The test profile's data dir (%test.alvh.data-dir), relative to the project root like Maven runs tests. */
    public static final Path DATA_DIR = Path.of("target/test-data");

    /** Every test user and its roles. */
    public static final Map<String, Set<String>> USERS = users();

    private static volatile boolean seeded;

    private static Map<String, Set<String>> users() {
        Map<String, Set<String>> users = new LinkedHashMap<>();
        users.put(ALL_ROLES, Set.copyOf(Roles.ALL));
        users.put(CLIENT, Set.of(Roles.CLIENT));
        users.put(AUDITOR, Set.of(Roles.AUDITOR));
        users.put(STRATEGIST, Set.of(Roles.STRATEGIST));
        users.put(OPERATOR, Set.of(Roles.OPERATOR));
        return users;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        seed();
        authenticateRestAssured(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        authenticateRestAssured(context);
    }

    /** Writes the test users once per JVM; a user already stored with these roles and password is kept. */
    static synchronized void seed() {
        if (seeded) {
            return;
        }
        UserStore store = new FileUserStore(DATA_DIR);
        Passwords passwords = new Passwords();
        USERS.forEach((name, roles) -> {
            StoredUser existing = store.find(name).orElse(null);
            if (existing == null || !existing.roles().equals(roles) || !passwords.matches(existing, PASSWORD)) {
                store.put(new StoredUser(name, Passwords.hash(PASSWORD), roles));
            }
        });
        seeded = true;
    }

    /**
     * Sets {@code RestAssured.authentication} on the REST Assured the test class itself sees: under @QuarkusTest the
     * test class may come from another class loader than this extension, so the class is looked up through it.
     */
    private static void authenticateRestAssured(ExtensionContext context) throws Exception {
        ClassLoader loader = context.getTestClass().map(Class::getClassLoader)
                .orElse(Thread.currentThread().getContextClassLoader());
        Class<?> restAssured;
        try {
            restAssured = Class.forName("io.restassured.RestAssured", true, loader);
        } catch (ClassNotFoundException e) {
            return;
        }
        Object preemptive = restAssured.getMethod("preemptive").invoke(null);
        Method basic = preemptive.getClass().getMethod("basic", String.class, String.class);
        Object scheme = basic.invoke(preemptive, ALL_ROLES, PASSWORD);
        restAssured.getField("authentication").set(null, scheme);
    }
}

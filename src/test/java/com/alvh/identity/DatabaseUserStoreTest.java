package com.alvh.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database user store on an in-memory H2 database built from the shipped migration: the same SQL runs on
 * PostgreSQL, where ClusterIT uses it from three replicas and the users command.
 */
class DatabaseUserStoreTest {

    private final String url = "jdbc:h2:mem:users-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    private Connection keepAlive;
    private DatabaseUserStore store;

    @BeforeEach
    void migrate() throws Exception {
        keepAlive = DriverManager.getConnection(url, "sa", "");
        String sql;
        try (var in = getClass().getResourceAsStream("/db/migration/V95__shared_users.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement s = keepAlive.createStatement()) {
            for (String statement : sql.replaceAll("(?m)--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
        store = new DatabaseUserStore(() -> DriverManager.getConnection(url, "sa", ""));
    }

    @AfterEach
    void close() throws Exception {
        keepAlive.close();
    }

    @Test
    void addsReplacesListsAndRemovesUsers() {
        assertFalse(store.put(new StoredUser("ann", "$2a$10$first", Set.of("client"))));
        assertTrue(store.put(new StoredUser("ann", "$2a$10$second", Set.of("auditor", "client"))));
        store.put(new StoredUser("bob", "$2a$10$bob", Set.of("operator")));

        assertEquals(List.of("ann", "bob"), store.list().stream().map(StoredUser::name).toList());
        StoredUser ann = store.find("ann").orElseThrow();
        assertEquals("$2a$10$second", ann.passwordHash());
        assertEquals(List.of("client", "auditor"), ann.sortedRoles());
        assertTrue(store.remove("bob"));
        assertFalse(store.remove("bob"));
        assertTrue(store.find("bob").isEmpty());
    }

    @Test
    void onlyOneOfManyConcurrentFirstStartsAddsItsAdmin() throws Exception {
        int starts = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(starts);
        try {
            List<Future<Boolean>> added = new ArrayList<>();
            for (int i = 0; i < starts; i++) {
                StoredUser admin = new StoredUser("admin-" + i, "$2a$10$x" + i, Set.of("operator"));
                Callable<Boolean> firstStart = () -> {
                    go.await();
                    return store.putIfEmpty(admin);
                };
                added.add(pool.submit(firstStart));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> f : added) {
                winners += f.get() ? 1 : 0;
            }
            assertEquals(1, winners);
            assertEquals(1, store.list().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAdminIsNotAddedBesideAnExistingUser() {
        store.put(new StoredUser("ann", "$2a$10$ann", Set.of("client")));
        assertFalse(store.putIfEmpty(new StoredUser("admin", "$2a$10$admin", Set.of("operator"))));
        assertEquals(List.of("ann"), store.list().stream().map(StoredUser::name).toList());
    }
}

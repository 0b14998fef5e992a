package com.alvh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar on a fresh data dir: the first start creates {@code admin} and a 0600 password file that works over
 * HTTP; {@code users add} (run as the jar's command, beside the live service) makes a user that can sign in at once
 * and only within its role; a second start neither recreates the admin nor touches the file.
 */
class IdentityIT {

    private static final List<PackagedApp> STARTED = new ArrayList<>();

    @AfterAll
    static void killChildren() {
        STARTED.forEach(PackagedApp::close);
    }

    @Test
    void firstStartAdminUsersCommandAndSecondStart() throws Exception {
        Path work = Files.createTempDirectory("alvh-identity-");
        Path dataDir = work.resolve("data");
        Path log = work.resolve("app.log");

        PackagedApp first = started(PackagedApp.start(dataDir, Map.of(), log));
        first.awaitReady(Duration.ofSeconds(240));
        Path passwordFile = dataDir.resolve("initial-admin-password");
        assertTrue(Files.isRegularFile(passwordFile), "no password file after the first start\n" + first.tail());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(passwordFile));
        String password = first.adminPassword();
        assertTrue(Files.readString(log).contains(passwordFile.toAbsolutePath().toString()),
                "the log does not say where the password is\n" + first.tail());

        HttpResponse<String> anonymous = first.get("/api/v1/audit/verify", null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(200, first.get("/api/v1/audit/verify").statusCode());
        assertEquals(401, first.get("/api/v1/audit/verify", PackagedApp.basic("admin", "wrong-password")).statusCode());

        var added = PackagedApp.command(dataDir, "reader-password\n", "users", "add", "reader", "--roles", "auditor",
                "--password-stdin");
        assertEquals(0, added.getKey(), added.getValue());
        String reader = PackagedApp.basic("reader", "reader-password");
        assertEquals(200, first.get("/api/v1/audit/verify", reader).statusCode());
        HttpResponse<String> refused = first.postJson("/api/v1/evaluations", "{}", reader);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("https://alvh.dev/problems/forbidden"), refused.body());

        var listed = PackagedApp.command(dataDir, "", "users", "list");
        assertEquals(0, listed.getKey(), listed.getValue());
        assertTrue(listed.getValue().contains("admin\tclient,auditor,strategist,operator"), listed.getValue());
        assertTrue(listed.getValue().contains("reader\tauditor"), listed.getValue());
        var bad = PackagedApp.command(dataDir, "", "users", "add", "nobody");
        assertEquals(2, bad.getKey(), bad.getValue());
        first.close();

        PackagedApp second = started(PackagedApp.start(dataDir, Map.of(), log));
        second.awaitReady(Duration.ofSeconds(240));
        assertEquals(password, second.adminPassword(), "the password file changed on the second start");
        assertEquals(200, second.get("/api/v1/audit/verify").statusCode());
        assertEquals(200, second.get("/api/v1/audit/verify", reader).statusCode());
        second.close();
        deleteRecursively(work);
    }

    private static PackagedApp started(PackagedApp app) {
        STARTED.add(app);
        return app;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

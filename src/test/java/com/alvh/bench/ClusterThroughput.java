package com.alvh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.alvh.it.EvaluationLoad;
import com.alvh.it.PackagedApp;
import com.alvh.it.ScratchDatabase;

/**
 * Evaluations per second with 1, 2 and 3 replicas of the packaged jar ({@code ./mvnw package} first) over one
 * PostgreSQL, each count on a fresh scratch database. The same number of client threads (default 8) sends
 * {@code examples/cpi-next-day.json} to the replicas in turn; after a warm-up, acknowledged (recorded) answers are
 * counted over a window. The load generator, the replicas and PostgreSQL share this machine's CPUs.
 * Run (after ./mvnw package; the exec plugin is not available offline here, so plain java on the test class path):
 *   ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) com.alvh.bench.ClusterThroughput SECONDS CLIENTS [URL]
 * (defaults: 20 s, 8 clients, jdbc:postgresql://127.0.0.1:5432/test as user postgres; each run creates and drops
 * its own database on that server).
 */
public final class ClusterThroughput {

    private static final Duration WARM_UP = Duration.ofSeconds(15);

    private ClusterThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String server = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/test";
        String request = Files.readString(PackagedApp.projectRoot().resolve("examples/cpi-next-day.json"));
        System.out.printf("cores %d, %d client threads, %d s warm-up, %d s window%n",
                Runtime.getRuntime().availableProcessors(), clients, WARM_UP.toSeconds(), seconds);
        System.out.println("| replicas | answers in window | answers/s | refused | load average before | after |");
        System.out.println("|---|---|---|---|---|---|");
        for (int replicas = 1; replicas <= 3; replicas++) {
            System.out.println(run(replicas, clients, seconds, server, request));
        }
        System.exit(0);
    }

    private static String run(int count, int clients, int seconds, String server, String request) throws Exception {
        Path work = Files.createTempDirectory("alvh-cluster-bench-");
        List<PackagedApp> replicas = new ArrayList<>();
        try (ScratchDatabase db = ScratchDatabase.create(server, "postgres", "alvh_cluster_bench")) {
            try {
                return measure(db, replicas, work, count, clients, seconds, request);
            } finally {
                replicas.forEach(PackagedApp::close); // before the database is dropped
            }
        }
    }

    private static String measure(ScratchDatabase db, List<PackagedApp> replicas, Path work, int count, int clients,
            int seconds, String request) throws Exception {
        for (int i = 0; i < count; i++) {
            replicas.add(PackagedApp.start(work.resolve("data-" + i), db.replicaProperties(),
                    work.resolve("replica-" + i + ".log")));
        }
        replicas.stream().map(r -> CompletableFuture.runAsync(() -> {
            try {
                r.awaitReady(Duration.ofSeconds(300));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList().forEach(CompletableFuture::join);
        String admin = null;
        for (PackagedApp r : replicas) {
            admin = admin != null ? admin : r.adminAuthorization();
        }
        try (EvaluationLoad load = new EvaluationLoad(replicas, admin, request, clients)) {
            Thread.sleep(WARM_UP.toMillis());
            String before = loadAverage();
            int start = load.answers().size();
            Thread.sleep(seconds * 1000L);
            int answered = load.answers().size() - start;
            String after = loadAverage();
            int refused = load.notAcknowledged().values().stream().mapToInt(Integer::intValue).sum();
            return String.format("| %d | %d | %.1f | %d | %s | %s |", count, answered, answered / (double) seconds,
                    refused, before, after);
        }
    }

    private static String loadAverage() throws java.io.IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }
}

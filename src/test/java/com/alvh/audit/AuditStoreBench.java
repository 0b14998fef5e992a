package com.alvh.audit;

import com.alvh.config.AlvhConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Audit store benchmark, in process, on an H2 file as the service uses it (WRITE_DELAY=0): appends N records
 * through one {@link ChainWriter} from T threads (group commit), then reports bytes per record on disk, batch
 * sizes, the full verify walk rate and the incremental verify time. The request/answer/trace texts are real ones,
 * read from a format-1 audit database written by the service before this change (or the examples).
 *
 * <p>Run: {@code ./mvnw -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.alvh.audit.AuditStoreBench -Dexec.args="DIR N THREADS [SOURCE_H2_FILE]"}. Not a test.
 */
public final class AuditStoreBench {

    /** The options of quarkus.datasource.jdbc.url in application.properties. */
    private static final String H2_OPTIONS = ";WRITE_DELAY=0;RETENTION_TIME=5000;PAGE_SIZE=4096;CACHE_SIZE=1024";

    private AuditStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int n = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        List<String[]> texts = new ArrayList<>();
        if (args.length > 3) {
            texts.addAll(texts(args[3]));
        } else {
            texts.add(new String[] {Files.readString(Path.of("examples/cpi-next-day.json")), "{}", "{}"});
        }
        Files.createDirectories(dir);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        JdbcDataSource ds = new JdbcDataSource();
        // the service's H2 options (application.properties), or others to compare: -Dbench.h2-options=...
        ds.setURL("jdbc:h2:file:" + dir.resolve("alvh") + System.getProperty("bench.h2-options", H2_OPTIONS));
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/migration-h2").load()
                .migrate();
        AuditDatabase db = new AuditDatabase() {
            @Override
            public DataSource dataSource() {
                return ds;
            }
        };
        AlvhConfig config = AuditFixtures.config(dir);
        Checkpoints checkpoints = new Checkpoints();
        checkpoints.config = config;
        checkpoints.init();
        ChainWriter writer = new ChainWriter();
        writer.database = db;
        writer.config = config;
        writer.start();

        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String[] x = texts.get(i % texts.size());
                    // random ids, as the service's (their unique index is written at random places)
                    writer.append(new EvaluationRecord(java.util.UUID.randomUUID().toString(), Instant.parse("2024-08-02T20:00:00Z"),
                            Instant.now(), "balanced", "sha256:p", "sha256:r", false, List.of("HOLD"),
                            List.of("Hold when calm", "Breadth diverges"), x[0], x[1], x[2], "bench"));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double appendSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        writer.stop(null);
        var batches = writer.batchSizes();
        long live = Files.size(dir.resolve("alvh.mv.db"));
        System.out.printf("live H2 file after %d records: %d bytes = %d bytes per record%n", n, live, live / n);
        System.out.printf("appended %d records from %d threads in %.1f s (%.0f/s); commits %d, batch mean %.1f max %.0f%n",
                n, threads, appendSeconds, n / appendSeconds, batches.count(), batches.mean(), batches.max());
        ChainWriter.Head head;
        try (Connection c = ds.getConnection()) {
            head = ChainWriter.head(c);
        }
        checkpoints.write(head.seq(), head.hash());

        ChainVerifier verifier = AuditFixtures.verifier(db, checkpoints, Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            ChainVerification full = verifier.verifyFull();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("verify full walk %d: %d records in %.3f s = %.0f records/s, valid %s%n", round,
                    full.records(), s, full.records() / s, full.valid());
        }
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            ChainVerification inc = verifier.verifyIncremental();
            System.out.printf("verify from checkpoint %d: %.3f s, valid %s, records %d%n", round,
                    (System.nanoTime() - t0) / 1e9, inc.valid(), inc.records());
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (Exception ignored) {
            // the connection closes with the database
        }
        long bytes = Files.size(dir.resolve("alvh.mv.db"));
        System.out.printf("H2 file after SHUTDOWN COMPACT: %d bytes = %d bytes per record%n", bytes, bytes / n);
    }

    /** The three texts of (at most 1000) records in an audit database written by the service (format 1 or 2). */
    private static List<String[]> texts(String h2File) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + h2File + ";ACCESS_MODE_DATA=r", "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT request_json, answer_json, trace_json, payload FROM evaluation"
                        + " ORDER BY seq LIMIT 1000")) {
            while (rs.next()) {
                byte[] payload = rs.getBytes(4);
                out.add(payload != null ? Payload.of(payload).decode()
                        : new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        System.out.printf("%d source records, mean texts %d chars%n", out.size(),
                out.stream().mapToInt(x -> x[0].length() + x[1].length() + x[2].length()).sum() / out.size());
        return out;
    }
}

package com.alvh.audit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The verify walks in process on a copy of a service's data directory (its H2 file and checkpoint file), with the
 * service's H2 options: the full walk and the walk from the latest checkpoint, timed round after round so the JIT
 * has warmed up by the last ones. Use a copy: opening the file lets H2 compact it.
 *
 * <p>Run: {@code ./mvnw -o -q -Pbench test-compile exec:exec -Dbench.main=com.alvh.audit.VerifyWalkBench
 * -Djmh.args="DATA_DIR [ROUNDS]"}. Not a test.
 */
public final class VerifyWalkBench {

    private static final String H2_OPTIONS = ";WRITE_DELAY=0;RETENTION_TIME=5000;PAGE_SIZE=4096;CACHE_SIZE=1024";

    private VerifyWalkBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("alvh") + System.getProperty("bench.h2-options", H2_OPTIONS));
        ds.setUser("sa");
        AuditDatabase db = new AuditDatabase() {
            @Override
            public DataSource dataSource() {
                return ds;
            }
        };
        Checkpoints checkpoints = new Checkpoints();
        checkpoints.config = AuditFixtures.config(dir);
        checkpoints.init();
        // -Dbench.threads=1 for the one-thread walk; default as the service: one per processor
        ChainVerifier verifier = AuditFixtures.verifier(db, checkpoints,
                Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors()));
        System.out.printf("walk threads: %d%n", verifier.walkThreads);
        // the service's pool keeps connections open; without one H2 would close (and compact) the file after
        // every walk
        Connection keepOpen = ds.getConnection();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            ChainVerification full = verifier.verifyFull();
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            // on a loaded machine the wall time says little; the process CPU time (all threads, GC included) more
            System.out.printf("verify full walk %d: %d records in %.3f s = %.0f records/s (CPU %.3f s = %.0f"
                    + " records per CPU-s; load %s), valid %s%n", round, full.records(), s, full.records() / s, cpu,
                    full.records() / cpu, loadAverage(), full.valid());
        }
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            ChainVerification inc = verifier.verifyIncremental();
            System.out.printf("verify from checkpoint %d: %.3f s, valid %s, records %d%n", round,
                    (System.nanoTime() - t0) / 1e9, inc.valid(), inc.records());
        }
        keepOpen.close();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).substring(0, 14);
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}

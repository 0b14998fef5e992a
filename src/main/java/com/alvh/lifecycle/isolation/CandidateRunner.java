package com.alvh.lifecycle.isolation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.alvh.config.AlvhConfig;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs one {@link IsolatedJob} in a fresh candidate process and reads back its {@link IsolatedResult}. At most
 * {@code alvh.isolation.max-concurrent} processes run at once; a job beyond that is refused at once (503) so that a
 * burst of uploads can never hang the service. Every process is killed with its descendants and its scratch directory
 * deleted when the job ends, whatever happened.
 */
@ApplicationScoped
public class CandidateRunner {

    private static final Logger LOG = Logger.getLogger(CandidateRunner.class);
    private static final int STDERR_TAIL = 4096;

    private final AlvhConfig.Isolation config;
    private final Semaphore slots;
    private final ObjectMapper writer;
    private final ObjectMapper reader;
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "alvh-candidate-io");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong lastJobMillis = new AtomicLong(1000);
    private final Timer jobs;
    private volatile SandboxCommand command;

    @Inject
    public CandidateRunner(AlvhConfig config, ObjectMapper json, MeterRegistry meters) {
        this.config = config.isolation();
        this.slots = new Semaphore(Math.max(1, this.config.maxConcurrent()));
        this.writer = json;
        this.reader = CandidateProcess.mapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        this.reader.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(this.config.maxResultBytes()).build());
        this.jobs = Timer.builder("alvh.isolation.jobs").description("candidate-process jobs, JVM start included")
                .register(meters);
    }

    /** Whether candidates run in separate processes (alvh.isolation.enabled). */
    public boolean enabled() {
        return config.enabled();
    }

    /** Which confinement layers candidate processes get on this host. */
    public String confinement() {
        return sandbox().describe();
    }

    /**
     * Runs the job; throws {@link IsolationBusyException} when every slot is taken and
     * {@link CandidateStoppedException} when the process gave no usable answer.
     */
    public IsolatedResult run(IsolatedJob job) {
        if (!slots.tryAcquire()) {
            throw new IsolationBusyException(config.maxConcurrent(),
                    (int) Math.max(1, Math.min(60, (lastJobMillis.get() + 999) / 1000)));
        }
        long t0 = System.nanoTime();
        try {
            return spawn(job);
        } finally {
            slots.release();
            long took = (System.nanoTime() - t0) / 1_000_000;
            lastJobMillis.set(took);
            jobs.record(took, TimeUnit.MILLISECONDS);
        }
    }

    private IsolatedResult spawn(IsolatedJob job) {
        Path scratch = null;
        Process process = null;
        try {
            scratch = Scratch.create();
            long wall = config.wallTime().toMillis();
            IsolatedJob timed = new IsolatedJob(job.kind(), job.files(), job.scenariosDir(), job.profiles(),
                    job.evaluations(), job.firingLimit(), Math.max(500, wall - Math.min(2000, wall / 5)),
                    config.ruleCpuTime().toMillis());
            byte[] input = writer.writeValueAsBytes(timed);
            process = new ProcessBuilder(sandbox().command(scratch)).directory(scratch.toFile()).start();
            Process p = process;
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> read(p.getInputStream(),
                    config.maxResultBytes(), p), pumps);
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> tail(p.getErrorStream()), pumps);
            CompletableFuture.runAsync(() -> feed(p.getOutputStream(), input), pumps);
            if (!p.waitFor(wall, TimeUnit.MILLISECONDS)) {
                throw new CandidateStoppedException("the candidate process was killed at its wall-time limit of "
                        + config.wallTime().toMillis() + " ms");
            }
            byte[] out = stdout.get(5, TimeUnit.SECONDS);
            if (out.length > config.maxResultBytes()) {
                throw new CandidateStoppedException("the candidate process answered more than " + config.maxResultBytes() + " bytes");
            }
            if (p.exitValue() != 0 || out.length == 0) {
                String err = new String(stderr.getNow(new byte[0]), StandardCharsets.UTF_8);
                LOG.debugf("candidate process ended with %d; stderr tail: %s", p.exitValue(), err);
                throw new CandidateStoppedException("the candidate process ended without an answer (exit code "
                        + p.exitValue() + reason(p.exitValue(), err) + ")");
            }
            return parse(out);
        } catch (IOException e) {
            throw new CandidateStoppedException("the candidate process could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CandidateStoppedException("interrupted while the candidate process ran");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new CandidateStoppedException("the candidate process's answer could not be read: " + e);
        } finally {
            kill(process);
            Scratch.delete(scratch);
        }
    }

    private IsolatedResult parse(byte[] out) {
        try {
            IsolatedResult result = reader.readValue(out, IsolatedResult.class);
            if (result == null) {
                throw new CandidateStoppedException("the candidate process answered null");
            }
            return result;
        } catch (IOException e) {
            throw new CandidateStoppedException("the candidate process answered something that is not a result: "
                    + abbreviated(e.getMessage()));
        }
    }

    private static String abbreviated(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static String reason(int exit, String stderr) {
        if (stderr.contains("OutOfMemoryError") || stderr.contains("Terminating due to java.lang.OutOfMemoryError")) {
            return ": out of memory";
        }
        if (exit == 137 || exit == 152 || exit == 128 + 24) {
            return ": killed at its CPU-time limit";
        }
        return exit == 97 ? ": the OS sandbox could not be set up" : "";
    }

    /** Kills the process and anything it started; with the OS sandbox nothing it started can outlive it anyway. */
    private static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] read(InputStream in, int max, Process p) {
        try (in) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                p.destroyForcibly();
            }
            return bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static byte[] tail(InputStream in) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                kept.write(buffer, 0, n);
                if (kept.size() > 2 * STDERR_TAIL) {
                    byte[] all = kept.toByteArray();
                    kept.reset();
                    kept.write(all, all.length - STDERR_TAIL, STDERR_TAIL);
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read is the tail
        }
        return kept.toByteArray();
    }

    private static void feed(OutputStream out, byte[] input) {
        try (out) {
            out.write(input);
        } catch (IOException e) {
            // the process ended before reading its job; its exit tells why
        }
    }

    private SandboxCommand sandbox() {
        SandboxCommand c = command;
        if (c == null) {
            synchronized (this) {
                if (command == null) {
                    command = new SandboxCommand(config);
                }
                c = command;
            }
        }
        return c;
    }
}

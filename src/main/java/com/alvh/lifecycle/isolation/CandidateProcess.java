package com.alvh.lifecycle.isolation;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.alvh.engine.RuleError;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The main class of a disposable candidate process: reads one {@link IsolatedJob} as JSON from standard input,
 * compiles and runs the untrusted rule set, writes one {@link IsolatedResult} as JSON to standard output and ends.
 * Runs without CDI or Quarkus, on the service's class path, started by {@link CandidateRunner} inside whatever OS
 * sandbox is available; a {@link ChildGuard} and a deadline {@link Watchdog} add the in-process layer.
 */
public final class CandidateProcess {

    /** Largest job accepted on standard input. */
    static final int MAX_JOB_BYTES = 64 * 1024 * 1024;

    private static final AtomicBoolean ANSWERED = new AtomicBoolean();

    private CandidateProcess() {
    }

    public static void main(String[] args) throws Exception {
        // Whatever a library or a rule prints goes to stderr: stdout carries the result and nothing else.
        PrintStream resultStream = new PrintStream(new FileOutputStream(FileDescriptor.out), false, "UTF-8");
        System.setOut(System.err);
        ObjectMapper json = mapper();
        IsolatedJob job = json.readValue(bounded(System.in), IsolatedJob.class);
        Watchdog watchdog = Watchdog.start(Thread.currentThread(), job,
                errors -> answer(json, resultStream, new IsolatedResult(errors, List.of(), List.of())));
        ChildGuard.install(Path.of(System.getProperty("java.io.tmpdir")));
        IsolatedResult result;
        try {
            result = new CandidateWork(job, json, watchdog).run();
        } catch (Throwable e) {
            result = new IsolatedResult(List.of(new RuleError("(rule set)", 1, 1,
                    "the candidate process failed: " + e)), List.of(), List.of());
        }
        answer(json, resultStream, result);
    }

    /** Writes the one result (the first caller wins: the work or the watchdog) and ends the process. */
    static void answer(ObjectMapper json, PrintStream out, IsolatedResult result) {
        if (!ANSWERED.compareAndSet(false, true)) {
            return;
        }
        try {
            out.write(json.writeValueAsBytes(result));
            out.flush();
        } catch (Exception e) {
            e.printStackTrace();
        }
        ChildGuard.allowExit();
        Runtime.getRuntime().halt(0);
    }

    static ObjectMapper mapper() {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        json.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        json.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        json.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        return json;
    }

    private static byte[] bounded(InputStream in) throws java.io.IOException {
        byte[] bytes = in.readNBytes(MAX_JOB_BYTES + 1);
        if (bytes.length > MAX_JOB_BYTES) {
            throw new IllegalArgumentException("job larger than " + MAX_JOB_BYTES + " bytes");
        }
        return bytes;
    }
}

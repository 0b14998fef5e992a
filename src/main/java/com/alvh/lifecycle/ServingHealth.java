package com.alvh.lifecycle;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditTrail;
import com.alvh.config.AlvhConfig;

/**
 * Whether answers can be recorded: the data directory's file system keeps {@code alvh.limits.min-free-disk-bytes}
 * free, and the last audit commit did not fail for a reason of the database's own (disk full, read-only, gone).
 * Both recover by themselves: space is re-checked on every call, and the audit clears its failure at the next commit
 * that succeeds (evaluations keep trying while the disk has room, so one of them finds out).
 */
@ApplicationScoped
public class ServingHealth {

    private final AlvhConfig config;
    private final AuditTrail audit;
    private volatile DataDirStore dataDirStore;

    @Inject
    public ServingHealth(AlvhConfig config, AuditTrail audit) {
        this.config = config;
        this.audit = audit;
    }

    /** Why an answer could not be recorded now, if it could not. */
    public Optional<String> problem() {
        return diskProblem().or(() -> audit.writeFailure().map(f -> "the audit trail cannot be written: " + f));
    }

    /** Low disk is checked before evaluating: a database that runs out of space mid-write is worse than a 503. */
    public Optional<String> diskProblem() {
        DataDirStore store = dataDirStore;
        try {
            if (store == null) {
                store = locateStore();
                if (store == null) {
                    return Optional.empty();
                }
            }
            long free = store.fileStore().getUsableSpace();
            long needed = config.limits().minFreeDiskBytes();
            return free < needed ? Optional.of("only " + free / 1024 + " KiB free under " + store.dir() + " (at least "
                    + needed / 1024 + " KiB needed to record answers)") : Optional.empty();
        } catch (IOException e) {
            dataDirStore = null; // the directory may have moved or gone: look it up again next time
            Path dir = store == null ? config.dataDir().toAbsolutePath() : store.dir();
            return Optional.of("the data directory " + dir + " cannot be inspected: " + e.getMessage());
        }
    }

    /**
     * Finding a path's file store reads the whole mount table (/proc/mounts on Linux), which cost more than the rest
     * of an evaluation's HTTP path; the store is found once and only its free space (one statvfs) is read per call.
     */
    private DataDirStore locateStore() throws IOException {
        Path dir = config.dataDir().toAbsolutePath();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return null;
        }
        DataDirStore store = new DataDirStore(dir, Files.getFileStore(dir));
        if (dir.equals(config.dataDir().toAbsolutePath())) {
            dataDirStore = store; // a parent stands in only until the data directory itself exists
        }
        return store;
    }

    /** The data directory (or, before it exists, its nearest existing parent) and the file store it lives on. */
    private record DataDirStore(Path dir, FileStore fileStore) {
    }
}

package com.alvh.engine;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

import com.alvh.strategy.ContentHash;

/**
 * The executable model's generated classes of a rule-set version, kept on disk so that a start, a replica or a
 * command-line backtest does not generate and compile Java for a rule set it has compiled before (that is about
 * three quarters of a cold rule load).
 *
 * <p>What is stored is the raw generated code, before metering. The compiler treats what it reads back exactly like
 * freshly generated classes: the bytecode verifier and the metering run on them again, so a cache file cannot bring
 * in code the sandbox would refuse. Each entry is also authenticated (HMAC-SHA256 with a key that lives beside the
 * entries, readable by the service's user only), so an entry copied from another installation or edited in place is
 * ignored and the rules are generated again. The key of an entry covers the rule-set version (the content hash of the
 * sources), the Drools and Java versions and the application's own classes (the generated code links against the
 * fact classes), so a new build never reads an old build's code.
 */
public final class CompiledClassCache {

    private static final Logger LOG = Logger.getLogger(CompiledClassCache.class);
    private static final int FORMAT = 1;
    private static final int KEPT_ENTRIES = 64;
    private static final String SUFFIX = ".classes";

    private final Path dir;
    private final String fingerprint;
    private volatile byte[] key;

    private CompiledClassCache(Path dir, String fingerprint) {
        this.dir = dir;
        this.fingerprint = fingerprint;
    }

    /**
     * A cache in {@code dir} (created on the first write) for the code of the running application; none (empty) when
     * the application's code cannot be fingerprinted, since an entry could then outlive the classes it links to.
     */
    public static Optional<CompiledClassCache> in(Path dir) {
        try {
            return Optional.of(new CompiledClassCache(dir, BuildFingerprint.current()));
        } catch (IllegalStateException e) {
            LOG.warnf("Compiled rule sets are not cached on disk: %s", e.getMessage());
            return Optional.empty();
        }
    }

    static CompiledClassCache in(Path dir, String fingerprint) {
        return new CompiledClassCache(dir, fingerprint);
    }

    Path dir() {
        return dir;
    }

    /** The generated classes (class file path → bytes) stored for {@code version}, if a valid entry exists. */
    Optional<Map<String, byte[]>> read(String version) {
        Path file = entry(version);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 32 || !authentic(bytes)) {
                LOG.warnf("Ignoring compiled rule cache entry %s: it does not carry this installation's signature", file);
                return Optional.empty();
            }
            return Optional.of(decode(bytes, version));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Ignoring unreadable compiled rule cache entry %s: %s", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Stores the generated classes of a version that compiled and passed the sandbox's checks. Written to a temporary
     * file and moved into place, so a reader never sees half an entry; a failure to write only costs the next start
     * a compile.
     */
    void write(String version, Map<String, byte[]> classes) {
        try {
            Files.createDirectories(dir);
            byte[] body = encode(version, classes);
            byte[] mac = mac(body);
            Path tmp = Files.createTempFile(dir, "entry", ".tmp");
            try {
                try (var out = Files.newOutputStream(tmp)) {
                    out.write(body);
                    out.write(mac);
                }
                move(tmp, entry(version));
            } finally {
                Files.deleteIfExists(tmp);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not store compiled rule set %s in %s: %s", version, dir, e.toString());
        }
    }

    /** Forgets an entry whose classes were refused or could not be built (e.g. tampered with). */
    void drop(String version) {
        try {
            Files.deleteIfExists(entry(version));
        } catch (IOException e) {
            LOG.warnf("Could not delete compiled rule cache entry for %s: %s", version, e.toString());
        }
    }

    private Path entry(String version) {
        return dir.resolve(ContentHash.of(fingerprint + "\n" + version).substring("sha256:".length()) + SUFFIX);
    }

    private byte[] encode(String version, Map<String, byte[]> classes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(FORMAT);
            out.writeUTF(fingerprint);
            out.writeUTF(version);
            out.writeInt(classes.size());
            for (var e : new TreeMap<>(classes).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        }
        return buffer.toByteArray();
    }

    private Map<String, byte[]> decode(byte[] bytes, String version) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 32))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(fingerprint) || !in.readUTF().equals(version)) {
                throw new IOException("entry is for another build or version");
            }
            int count = in.readInt();
            if (count < 1 || count > 100_000) {
                throw new IOException("bad class count " + count);
            }
            Map<String, byte[]> classes = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IOException("bad length for " + name);
                }
                classes.put(name, in.readNBytes(length));
            }
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            return classes;
        }
    }

    private boolean authentic(byte[] bytes) throws IOException {
        byte[] body = Arrays.copyOf(bytes, bytes.length - 32);
        byte[] stored = Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length);
        return MessageDigest.isEqual(mac(body), stored);
    }

    private byte[] mac(byte[] body) throws IOException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The installation's key: 32 random bytes in {@code dir/key}, created once, owner-only. */
    private byte[] key() throws IOException {
        byte[] k = key;
        if (k != null) {
            return k;
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("key");
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path tmp = Files.createTempFile(dir, "key", ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(tmp, fresh);
                Files.move(tmp, file); // no REPLACE_EXISTING: a key written meanwhile by another process wins
            } catch (FileAlreadyExistsException raced) {
                // the other process's key is read below
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        k = Files.readAllBytes(file);
        if (k.length != 32) {
            throw new IOException(file + " is not a 32-byte key");
        }
        key = k;
        return k;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Keeps the newest entries; rule sets edited often would otherwise fill the directory. */
    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(dir)) {
            entries = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        if (entries.size() <= KEPT_ENTRIES) {
            return;
        }
        entries.stream()
                .sorted((a, b) -> Long.compare(modified(b), modified(a)))
                .skip(KEPT_ENTRIES)
                .forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * What the generated code depends on besides its sources: the Java and Drools versions and the application's
     * classes. Computed once per process (hashing the application jar takes a few milliseconds).
     */
    static final class BuildFingerprint {

        private static volatile String current;

        private BuildFingerprint() {
        }

        static String current() {
            String f = current;
            if (f == null) {
                f = "java " + Runtime.version().feature()
                        + "; drools " + codeSourceName(org.drools.model.codegen.ExecutableModelProject.class)
                        + "; app " + contentHash(codeSource(CompiledClassCache.class));
                current = f;
            }
            return f;
        }

        private static Path codeSource(Class<?> type) {
            try {
                var source = type.getProtectionDomain().getCodeSource();
                if (source == null || source.getLocation() == null) {
                    throw new IllegalStateException("no code source for " + type.getName());
                }
                return Path.of(source.getLocation().toURI());
            } catch (URISyntaxException | RuntimeException e) {
                throw new IllegalStateException("cannot locate the code of " + type.getName(), e);
            }
        }

        private static String codeSourceName(Class<?> type) {
            try {
                return codeSource(type).getFileName().toString();
            } catch (IllegalStateException e) {
                return String.valueOf(type.getPackage().getImplementationVersion());
            }
        }

        /** SHA-256 of a jar, or of every class file under a directory (tests and dev mode run from directories). */
        private static String contentHash(Path location) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                if (Files.isDirectory(location)) {
                    List<Path> classes;
                    try (Stream<Path> walk = Files.walk(location)) {
                        classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                    }
                    for (Path p : classes) {
                        digest.update(location.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(p));
                    }
                } else {
                    try (InputStream in = Files.newInputStream(location)) {
                        byte[] buffer = new byte[64 * 1024];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            digest.update(buffer, 0, n);
                        }
                    }
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot fingerprint " + location, e);
            }
        }
    }
}

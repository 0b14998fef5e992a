package com.alvh.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The embedded user store: {@code users.json} in the data dir, owner-only (0600), replaced atomically (temp file in
 * the same directory, fsync, rename) so a reader never sees half a file. Writers (the service's first-start admin and
 * the {@code users} command, possibly in another process) serialise on an OS lock of {@code users.lock}. Reads are
 * cached and re-read when the file changes (its inode, size or time), so {@code users add} takes effect in a running
 * service without a restart.
 */
public final class FileUserStore implements UserStore {

    public static final String FILE_NAME = "users.json";
    private static final String LOCK_NAME = "users.lock";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's shape; {@code format} lets a later version change it knowingly. */
    record UsersFile(int format, List<StoredUser> users) {
    }

    private record Snapshot(Object fileKey, long size, long modified, Map<String, StoredUser> users) {
    }

    private final Path dir;
    private final Path file;
    private volatile Snapshot cached;

    public FileUserStore(Path dataDir) {
        this.dir = dataDir.toAbsolutePath().normalize();
        this.file = dir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<StoredUser> find(String name) {
        return Optional.ofNullable(current().get(name));
    }

    /** From the snapshot last read, when the file still has its inode, size and time (one stat, no read). */
    @Override
    public Optional<StoredUser> findInMemory(String name) {
        Snapshot snapshot = cached;
        if (snapshot == null) {
            return Optional.empty();
        }
        try {
            return isCurrent(snapshot, Files.readAttributes(file, BasicFileAttributes.class))
                    ? Optional.ofNullable(snapshot.users().get(name)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // find tells what is wrong
        }
    }

    @Override
    public List<StoredUser> list() {
        return List.copyOf(current().values());
    }

    @Override
    public boolean put(StoredUser user) {
        return update(users -> users.put(user.name(), user) != null);
    }

    @Override
    public boolean remove(String name) {
        return update(users -> users.remove(name) != null);
    }

    @Override
    public boolean putIfEmpty(StoredUser user) {
        return update(users -> {
            if (!users.isEmpty()) {
                return false;
            }
            users.put(user.name(), user);
            return true;
        });
    }

    private Map<String, StoredUser> current() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Snapshot snapshot = cached;
            if (snapshot != null && isCurrent(snapshot, attributes)) {
                return snapshot.users();
            }
            Map<String, StoredUser> users = read();
            cached = new Snapshot(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime().toMillis(), users);
            return users;
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the user store " + file, e);
        }
    }

    private static boolean isCurrent(Snapshot snapshot, BasicFileAttributes attributes) {
        return Objects.equals(snapshot.fileKey(), attributes.fileKey()) && snapshot.size() == attributes.size()
                && snapshot.modified() == attributes.lastModifiedTime().toMillis();
    }

    private Map<String, StoredUser> read() throws IOException {
        UsersFile content;
        try {
            content = JSON.readValue(file.toFile(), UsersFile.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Map.of();
        }
        Map<String, StoredUser> users = new TreeMap<>();
        for (StoredUser user : content.users() == null ? List.<StoredUser>of() : content.users()) {
            users.put(user.name(), user);
        }
        return java.util.Collections.unmodifiableMap(users);
    }

    /** Read-modify-write under the cross-process lock; writes only when the change reports it changed something. */
    private boolean update(Function<Map<String, StoredUser>, Boolean> change) {
        try {
            Files.createDirectories(dir);
            try (FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockChannel.lock()) {
                Map<String, StoredUser> users = new TreeMap<>(Files.exists(file) ? read() : Map.of());
                Map<String, StoredUser> before = Map.copyOf(users);
                boolean result = change.apply(users);
                if (!users.equals(before)) {
                    write(users);
                }
                return result;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the user store " + file, e);
        }
    }

    private void write(Map<String, StoredUser> users) throws IOException {
        List<StoredUser> sorted = new ArrayList<>(users.values());
        sorted.sort(Comparator.comparing(StoredUser::name));
        Path temp = Files.createTempFile(dir, ".users-", ".tmp", ownerOnly());
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(new UsersFile(1, sorted))));
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Owner-only on POSIX file systems; elsewhere the directory's own protection applies. */
    static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        }
        return new FileAttribute<?>[0];
    }
}

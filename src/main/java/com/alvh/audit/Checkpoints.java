package com.alvh.audit;

import com.alvh.config.AlvhConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Signed checkpoints of the chain head in an append-only file outside the database,
 * {@code <alvh.data-dir>/audit-checkpoints.jsonl}: one every {@code alvh.audit.checkpoint-every} records or
 * {@code alvh.audit.checkpoint-interval}, whichever comes first, signed with Ed25519. The key pair lives in
 * {@code alvh.audit.checkpoint-key-file} (default {@code <alvh.data-dir>/audit-checkpoint-key.pem}, generated on
 * first start, readable by its owner only). Someone who can rewrite the database but not this file or the key
 * cannot make a truncated or rewritten chain match the checkpoints.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);
    static final String FILE_NAME = "audit-checkpoints.jsonl";
    private static final Pattern PEM = Pattern.compile("-----BEGIN (PRIVATE|PUBLIC) KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1 KEY-----");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AlvhConfig config;

    private Path file;
    private PrivateKey privateKey;
    private PublicKey publicKey;
    private long lastSeq;
    private long lastWrittenNanos = System.nanoTime();
    /** What {@link #all} read last time, so that only appended lines are verified again. */
    private volatile ReadPrefix readBefore;

    /** A checkpoint as read back, with whether its signature holds under this service's public key. */
    public record Read(Checkpoint checkpoint, boolean signatureValid) {
    }

    @PostConstruct
    void init() {
        Path dataDir = config.dataDir().toAbsolutePath();
        file = dataDir.resolve(FILE_NAME);
        Path keyFile = config.audit().checkpointKeyFile().orElse(dataDir.resolve("audit-checkpoint-key.pem"));
        try {
            Files.createDirectories(dataDir);
            loadOrCreateKey(keyFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("audit checkpoint key " + keyFile + " cannot be used", e);
        }
        lastSeq = latest().map(r -> r.checkpoint().headSeq()).orElse(0L);
    }

    /** The Ed25519 public key, X.509 SubjectPublicKeyInfo DER in base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public Path file() {
        return file;
    }

    /** Writes a checkpoint when {@code checkpoint-every} records or {@code checkpoint-interval} passed (or forced). */
    synchronized Optional<Checkpoint> writeIfDue(long headSeq, String headHash, boolean force) {
        if (headSeq <= lastSeq) {
            return Optional.empty();
        }
        boolean due = force || headSeq - lastSeq >= config.audit().checkpointEvery()
                || System.nanoTime() - lastWrittenNanos >= config.audit().checkpointInterval().toNanos();
        return due ? Optional.of(write(headSeq, headHash)) : Optional.empty();
    }

    /**
     * Seqs are contiguous by construction (each commit appends at head + 1), so the head's seq is the number of
     * records a valid chain holds up to it.
     */
    synchronized Checkpoint write(long headSeq, String headHash) {
        String time = ChainHash.instant(ChainHash.stored(Instant.now()));
        Checkpoint unsigned = new Checkpoint(headSeq, headSeq, headHash, time, null);
        Checkpoint signed = new Checkpoint(headSeq, headSeq, headHash, time, sign(unsigned.signedText()));
        byte[] line = (signed.line() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        lastSeq = headSeq;
        lastWrittenNanos = System.nanoTime();
        return signed;
    }

    /** Every checkpoint in the file, oldest first; a line that does not parse counts as one with a bad signature. */
    public List<Read> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        ReadPrefix known = readBefore;
        boolean grown = known != null && known.stillPrefixOf(bytes);
        List<Read> out = new ArrayList<>(grown ? known.reads() : List.of());
        int from = grown ? known.length() : 0;
        // only whole lines are remembered: a line being appended right now is read again next time
        int end = from;
        for (int i = bytes.length - 1; i >= from; i--) {
            if (bytes[i] == '\n') {
                end = i + 1;
                break;
            }
        }
        parseLines(new String(bytes, from, end - from, StandardCharsets.UTF_8), out);
        if (end > from || known == null) {
            readBefore = new ReadPrefix(end, digest(bytes, end), List.copyOf(out));
        }
        parseLines(new String(bytes, end, bytes.length - end, StandardCharsets.UTF_8), out);
        return out;
    }

    private void parseLines(String text, List<Read> out) {
        // String.lines splits as Files.readAllLines did (\n, \r, \r\n)
        text.lines().filter(line -> !line.isBlank()).forEach(line -> out.add(parse(line)));
    }

    /**
     * The checkpoints of the file's first {@code length} bytes as read last time, and those bytes' SHA-256. The
     * file is only appended to, so a verify re-checks the signatures of new lines only; Ed25519 verification in
     * the JDK costs about 0.4 ms a line, 60 ms per 150k records. Any other change of those bytes (an edited,
     * removed or replaced line) changes the digest, and everything is read and verified again.
     */
    private record ReadPrefix(int length, byte[] sha256, List<Read> reads) {

        boolean stillPrefixOf(byte[] bytes) {
            return bytes.length >= length && MessageDigest.isEqual(sha256, digest(bytes, length));
        }
    }

    private static byte[] digest(byte[] bytes, int length) {
        MessageDigest sha256 = ChainHash.sha256();
        sha256.update(bytes, 0, length);
        return sha256.digest();
    }

    public Optional<Read> latest() {
        List<Read> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private Read parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            Checkpoint c = new Checkpoint(n.get("records").asLong(), n.get("headSeq").asLong(),
                    n.get("headHash").asText(), n.get("time").asText(), n.get("signature").asText());
            return new Read(c, verify(c));
        } catch (IOException | RuntimeException e) {
            return new Read(new Checkpoint(-1, -1, "", "", line), false);
        }
    }

    boolean verify(Checkpoint c) {
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(publicKey);
            v.update(c.signedText().getBytes(StandardCharsets.UTF_8));
            return v.verify(Base64.getDecoder().decode(c.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private String sign(String text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint", e);
        }
    }

    /** Tests only: forget every checkpoint, as when a test empties the database. */
    synchronized void discardAll() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastSeq = 0;
    }

    private void loadOrCreateKey(Path keyFile) throws IOException, GeneralSecurityException {
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        if (!Files.exists(keyFile)) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String pem = pem("PRIVATE", pair.getPrivate().getEncoded()) + pem("PUBLIC", pair.getPublic().getEncoded());
            try {
                createOwnerOnly(keyFile);
                Files.writeString(keyFile, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
                LOG.infof("generated the audit checkpoint key %s", keyFile);
            } catch (FileAlreadyExistsException raced) {
                // another process generated it first; use theirs
            }
        }
        String text = Files.readString(keyFile, StandardCharsets.US_ASCII);
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
            if (m.group(1).equals("PRIVATE")) {
                privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(der));
            } else {
                publicKey = keys.generatePublic(new X509EncodedKeySpec(der));
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new GeneralSecurityException(keyFile + " must hold a PRIVATE KEY and a PUBLIC KEY block (Ed25519)");
        }
    }

    private static void createOwnerOnly(Path keyFile) throws IOException {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        try {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(keyFile);
        }
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + " KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + kind + " KEY-----\n";
    }
}

package com.alvh.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Canonical form of a stored record and the chain hash over it; the specification is docs/audit-chain.md. */
public final class ChainHash {

    /** The previous hash of record 1. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter INSTANT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHash() {
    }

    /** Both databases keep microseconds; hashing what is stored means truncating before hashing. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String instant(Instant instant) {
        return INSTANT.format(instant);
    }

    /** The canonical fields, also the body of an export line (which adds prevHash and hash). */
    static Map<String, Object> canonicalFields(long seq, EvaluationRecord r, Instant recordedAt) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("seq", seq);
        f.put("evaluationId", r.evaluationId());
        f.put("asOf", instant(r.asOf()));
        f.put("evaluatedAt", instant(r.evaluatedAt()));
        f.put("recordedAt", instant(recordedAt));
        f.put("profileName", r.profileName());
        f.put("profileVersion", r.profileVersion());
        f.put("ruleSetVersion", r.ruleSetVersion());
        f.put("dryRun", r.dryRun());
        f.put("actionTypes", r.actionTypes());
        f.put("rulesFired", r.rulesFired());
        f.put("requestJson", r.requestJson());
        f.put("answerJson", r.answerJson());
        f.put("traceJson", r.traceJson());
        return f;
    }

    static String hash(long seq, EvaluationRecord r, Instant recordedAt, String prevHash) {
        byte[] canonical = CanonicalJson.object(canonicalFields(seq, r, recordedAt)).getBytes(StandardCharsets.UTF_8);
        MessageDigest sha256 = sha256();
        sha256.update(canonical);
        sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Recomputes the hash a stored entry should have. */
    public static String expectedHash(StoredEvaluation e) {
        return hash(e.seq(), e.record(), e.recordedAt(), e.prevHash());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}

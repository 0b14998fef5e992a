package com.alvh.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chain hash of a stored record; the specification is docs/audit-chain.md.
 *
 * <p>Format 2 (since schema V2): {@code SHA-256(UTF-8(header) ‖ payload bytes ‖ ASCII(prevHash))}, where the header
 * is the canonical JSON of the small columns and the payload the stored compressed texts, hashed as stored.
 * Format 1 (older rows): {@code SHA-256(UTF-8(canonical JSON of all fields incl. the texts) ‖ ASCII(prevHash))}.
 */
public final class ChainHash {

    /** The previous hash of record 1. */
    public static final String GENESIS = "0".repeat(64);
    public static final int FORMAT_TEXT = 1;
    public static final int FORMAT_COMPACT = 2;

    private static final HexFormat HEX = HexFormat.of();
    /** Years the fast path does not write (sign, more than four digits); formatted as before it existed. */
    private static final java.time.format.DateTimeFormatter OUT_OF_RANGE_YEARS =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private ChainHash() {
    }

    /** Both databases keep microseconds; hashing what is stored means truncating before hashing. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}; written by hand because it runs three times per record on verify. */
    static String instant(Instant instant) {
        StringBuilder out = new StringBuilder(27);
        appendInstant(out, instant);
        return out.toString();
    }

    static void appendInstant(StringBuilder out, Instant instant) {
        appendFields(out, LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * As {@link #appendInstant} for the same instant, read from the date and time fields at offset UTC (a verify
     * walk gets them so from the database, and an {@link Instant} in between was half its time per record).
     */
    static void appendUtc(StringBuilder out, OffsetDateTime time) {
        appendFields(out, time.getOffset().getTotalSeconds() == 0 ? time.toLocalDateTime()
                : time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} of UTC date-time fields, microseconds always written out. */
    private static void appendFields(StringBuilder out, LocalDateTime t) {
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            out.append(OUT_OF_RANGE_YEARS.format(t));
            return;
        }
        out.append(year).append('-');
        two(out, t.getMonthValue()).append('-');
        two(out, t.getDayOfMonth()).append('T');
        two(out, t.getHour()).append(':');
        two(out, t.getMinute()).append(':');
        two(out, t.getSecond()).append('.');
        int micros = t.getNano() / 1000;
        for (int scale = 100_000; scale > 0; scale /= 10) {
            out.append((char) ('0' + micros / scale % 10));
        }
        out.append('Z');
    }

    private static StringBuilder two(StringBuilder out, int v) {
        return out.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /**
     * Format 2 header: the canonical JSON object of every column except the payload and the hashes. The two lists
     * are passed as their stored canonical JSON array texts, so a verifier need not parse them.
     */
    static String header(long seq, String evaluationId, Instant asOf, Instant evaluatedAt, Instant recordedAt,
            String profileName, String profileVersion, String ruleSetVersion, boolean dryRun,
            String actionTypesJson, String rulesFiredJson, String caller) {
        return header(seq, evaluationId, utc(asOf), utc(evaluatedAt), utc(recordedAt), profileName, profileVersion,
                ruleSetVersion, dryRun, actionTypesJson, rulesFiredJson, caller);
    }

    /**
     * The same header from the timestamps as the database hands them out: a verify walk formats them from their
     * fields instead of going through an {@link Instant}, which was half of its time per record outside H2.
     */
    static String header(long seq, String evaluationId, OffsetDateTime asOf, OffsetDateTime evaluatedAt,
            OffsetDateTime recordedAt, String profileName, String profileVersion, String ruleSetVersion,
            boolean dryRun, String actionTypesJson, String rulesFiredJson, String caller) {
        // keys in code point order: actionTypes, asOf, caller, dryRun, evaluatedAt, evaluationId, format,
        // profileName, profileVersion, recordedAt, ruleSetVersion, rulesFired, seq
        StringBuilder h = new StringBuilder(512);
        h.append("{\"actionTypes\":").append(actionTypesJson);
        h.append(",\"asOf\":\"");
        appendUtc(h, asOf);
        h.append("\",\"caller\":");
        CanonicalJson.string(h, caller);
        h.append(",\"dryRun\":").append(dryRun);
        h.append(",\"evaluatedAt\":\"");
        appendUtc(h, evaluatedAt);
        h.append("\",\"evaluationId\":");
        CanonicalJson.string(h, evaluationId);
        h.append(",\"format\":").append(FORMAT_COMPACT);
        h.append(",\"profileName\":");
        CanonicalJson.string(h, profileName);
        h.append(",\"profileVersion\":");
        CanonicalJson.string(h, profileVersion);
        h.append(",\"recordedAt\":\"");
        appendUtc(h, recordedAt);
        h.append("\",\"ruleSetVersion\":");
        CanonicalJson.string(h, ruleSetVersion);
        h.append(",\"rulesFired\":").append(rulesFiredJson);
        h.append(",\"seq\":").append(seq).append('}');
        return h.toString();
    }

    static String header(long seq, EvaluationRecord r, Instant recordedAt) {
        return header(seq, r.evaluationId(), r.asOf(), r.evaluatedAt(), recordedAt, r.profileName(),
                r.profileVersion(), r.ruleSetVersion(), r.dryRun(), CanonicalJson.array(r.actionTypes()),
                CanonicalJson.array(r.rulesFired()), r.caller());
    }

    /** Format 2 hash with a digest the caller reuses (reset here). */
    static String compactHash(MessageDigest sha256, String header, byte[] payload, String prevHash) {
        sha256.reset();
        sha256.update(header.getBytes(StandardCharsets.UTF_8));
        sha256.update(payload);
        sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        return HEX.formatHex(sha256.digest());
    }

    static String hash(long seq, EvaluationRecord r, Payload payload, Instant recordedAt, String prevHash) {
        return compactHash(sha256(), header(seq, r, recordedAt), payload.bytes(), prevHash);
    }

    /** Format 1: the canonical fields, also the body of an old-format export line. */
    static Map<String, Object> textFields(long seq, EvaluationRecord r, Instant recordedAt) {
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

    static String textHash(long seq, EvaluationRecord r, Instant recordedAt, String prevHash) {
        byte[] canonical = CanonicalJson.object(textFields(seq, r, recordedAt)).getBytes(StandardCharsets.UTF_8);
        MessageDigest sha256 = sha256();
        sha256.update(canonical);
        sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        return HEX.formatHex(sha256.digest());
    }

    /** Recomputes the hash a stored entry should have. */
    public static String expectedHash(StoredEvaluation e) {
        return e.format() == FORMAT_TEXT ? textHash(e.seq(), e.record(), e.recordedAt(), e.prevHash())
                : hash(e.seq(), e.record(), e.payload(), e.recordedAt(), e.prevHash());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}

package com.alvh.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The bulky part of a record (request, answer and trace JSON texts) as stored: zlib (RFC 1950) of
 * {@code u32 length ‖ UTF-8 request ‖ u32 length ‖ UTF-8 answer ‖ u32 length ‖ UTF-8 trace}, lengths big-endian,
 * with a preset {@link PayloadDictionary} named in the zlib header (payloads stored before it have none).
 * The chain hashes these stored bytes as they are, so verifying never inflates or re-encodes them; reading a
 * record inflates once. Equality is by content (a record component cannot compare arrays).
 */
public final class Payload {

    /**
     * Level 3 with the dictionary costs what level 6 without it did (about 33 us for the cpi-next-day example, on the
     * caller's thread) and stores 0.7 KB instead of 2.3 KB; level 6 with it saves 80 more bytes for 40 % more CPU.
     */
    private static final int LEVEL = 3;

    /** One compressor per thread, reset per record: creating one allocates its native window and tables each time. */
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(LEVEL));

    private final byte[] bytes;

    private Payload(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Payload of(byte[] stored) {
        return new Payload(stored);
    }

    /** Compressed with the current {@link PayloadDictionary}, which the zlib header names. */
    static Payload encode(String requestJson, String answerJson, String traceJson) {
        byte[] request = requestJson.getBytes(StandardCharsets.UTF_8);
        byte[] answer = answerJson.getBytes(StandardCharsets.UTF_8);
        byte[] trace = traceJson.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(12 + request.length + answer.length + trace.length);
        plain.putInt(request.length).put(request).putInt(answer.length).put(answer).putInt(trace.length).put(trace);
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(PayloadDictionary.CURRENT.bytes());
        deflater.setInput(plain.array());
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.capacity() / 8 + 64);
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return new Payload(out.toByteArray());
    }

    /** The three texts: request, answer, trace. */
    String[] decode() {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 8);
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsDictionary()) {
                    long id = inflater.getAdler();
                    inflater.setDictionary(PayloadDictionary.byId(id).orElseThrow(() -> new IllegalStateException(
                            "payload needs dictionary " + Long.toHexString(id) + ", which this build does not know"))
                            .bytes());
                    continue;
                }
                if (n == 0 && inflater.needsInput()) {
                    throw new IllegalStateException("truncated payload");
                }
                out.write(buffer, 0, n);
            }
            ByteBuffer plain = ByteBuffer.wrap(out.toByteArray());
            return new String[] {text(plain), text(plain), text(plain)};
        } catch (DataFormatException | RuntimeException e) {
            throw new UnreadablePayloadException(e);
        } finally {
            inflater.end();
        }
    }

    private static String text(ByteBuffer plain) {
        int length = plain.getInt();
        String s = new String(plain.array(), plain.position(), length, StandardCharsets.UTF_8);
        plain.position(plain.position() + length);
        return s;
    }

    /** The stored bytes themselves (not a copy: callers only read them). */
    byte[] bytes() {
        return bytes;
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** A payload edited in the database so that it no longer inflates; verify reports it as a hash mismatch. */
    static final class UnreadablePayloadException extends RuntimeException {
        UnreadablePayloadException(Throwable cause) {
            super("stored payload cannot be read: " + cause.getMessage(), cause);
        }
    }
}

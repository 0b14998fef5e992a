package com.alvh.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Adler32;

/**
 * A preset zlib dictionary for payloads (RFC 1950 FDICT): typical request, answer and trace JSON, so that the keys,
 * rule names and reason sentences every record repeats are referenced instead of stored again. A payload names its
 * dictionary in its own zlib header (DICTID, the Adler-32 of the dictionary), so stored bytes stay self-describing
 * and payloads written before dictionaries existed still inflate. A shipped dictionary never changes once records
 * use it: a new one gets a new file and id; every one ever shipped stays readable here and is stored once in the
 * audit database ({@code payload_dictionary}) for readers without this jar.
 */
public record PayloadDictionary(long id, byte[] bytes) {

    /** Every dictionary ever shipped, by id; the last one is the one new payloads use. */
    private static final Map<Long, PayloadDictionary> SHIPPED;
    static final PayloadDictionary CURRENT;

    static {
        PayloadDictionary first = load("payload-dictionary-1.txt");
        SHIPPED = Map.of(first.id(), first);
        CURRENT = first;
    }

    static Optional<PayloadDictionary> byId(long id) {
        return Optional.ofNullable(SHIPPED.get(id));
    }

    /** The dictionary id as zlib computes it: Adler-32 of its bytes. */
    private static long idOf(byte[] bytes) {
        Adler32 adler = new Adler32();
        adler.update(bytes);
        return adler.getValue();
    }

    private static PayloadDictionary load(String resource) {
        try (InputStream in = PayloadDictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("payload dictionary " + resource + " is missing from the build");
            }
            byte[] bytes = in.readAllBytes();
            return new PayloadDictionary(idOf(bytes), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

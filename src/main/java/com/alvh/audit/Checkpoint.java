package com.alvh.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement of the chain head at one moment, kept outside the database (docs/audit-chain.md).
 *
 * @param records   records in the chain up to and including {@code headSeq}
 * @param time      when it was signed, {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}
 * @param signature base64 Ed25519 signature over {@link #signedText()}
 */
public record Checkpoint(long records, long headSeq, String headHash, String time, String signature) {

    /** The canonical JSON of the four signed fields, UTF-8 encoded when signed. */
    public String signedText() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("records", records);
        fields.put("headSeq", headSeq);
        fields.put("headHash", headHash);
        fields.put("time", time);
        return CanonicalJson.object(fields);
    }

    /** One line of the checkpoint file: the signed fields plus the signature, canonical JSON. */
    String line() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("records", records);
        fields.put("headSeq", headSeq);
        fields.put("headHash", headHash);
        fields.put("time", time);
        fields.put("signature", signature);
        return CanonicalJson.object(fields);
    }
}

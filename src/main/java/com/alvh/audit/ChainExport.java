package com.alvh.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * JSON Lines export, one record per line in the canonical dialect, so a script re-checks it without the service
 * (docs/audit-chain.md, docs/verify-export.py). Format 2 lines carry the header fields, {@code payload} (the
 * stored compressed bytes, base64), {@code prevHash} and {@code hash}; format 1 lines the old canonical fields.
 */
@ApplicationScoped
class ChainExport {

    @Inject
    EvaluationReader reader;

    void export(Instant from, Instant to, Writer out) {
        try {
            reader.forEachInSeqOrder(from, to, e -> writeLine(e, out));
            out.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLine(StoredEvaluation e, Writer out) {
        String line;
        if (e.format() == ChainHash.FORMAT_TEXT) {
            Map<String, Object> fields = ChainHash.textFields(e.seq(), e.record(), e.recordedAt());
            fields.put("prevHash", e.prevHash());
            fields.put("hash", e.hash());
            line = CanonicalJson.object(fields);
        } else {
            // the line's own key order does not matter: a checker removes hash, payload and prevHash and
            // re-serializes the rest canonically, which gives back exactly the hashed header
            String header = ChainHash.header(e.seq(), e.record(), e.recordedAt());
            StringBuilder b = new StringBuilder(header.length() + e.payload().size() * 4 / 3 + 200);
            b.append(header, 0, header.length() - 1);
            b.append(",\"hash\":\"").append(e.hash()).append('"');
            b.append(",\"payload\":\"").append(Base64.getEncoder().encodeToString(e.payload().bytes())).append('"');
            b.append(",\"prevHash\":\"").append(e.prevHash()).append("\"}");
            line = b.toString();
        }
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

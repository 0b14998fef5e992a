package com.alvh.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * JSON Lines export: per record its canonical fields plus prevHash and hash, in the canonical dialect, so a
 * script re-checks a line by removing those two keys and hashing the rest (docs/audit-chain.md).
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
        Map<String, Object> line = ChainHash.canonicalFields(e.seq(), e.record(), e.recordedAt());
        line.put("prevHash", e.prevHash());
        line.put("hash", e.hash());
        try {
            out.write(CanonicalJson.object(line));
            out.write('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

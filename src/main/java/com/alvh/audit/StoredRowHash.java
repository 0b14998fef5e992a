package com.alvh.audit;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Recomputes a stored row's chain hash from its columns as read ({@link EvaluationRows#COLUMNS} order): format 2
 * from the header columns and the payload bytes as stored, format 1 from the whole record. One per thread: it
 * reuses its digest.
 */
final class StoredRowHash {

    private static final byte[] NO_PAYLOAD = new byte[0];

    private final MessageDigest sha256 = ChainHash.sha256();

    String of(ResultSet rs, long seq, String evaluationId, String storedPrev) throws SQLException {
        if (rs.getInt(13) == ChainHash.FORMAT_TEXT) {
            return ChainHash.expectedHash(EvaluationRows.read(rs));
        }
        byte[] payload = rs.getBytes(14);
        String header = ChainHash.header(seq, evaluationId, rs.getObject(3, OffsetDateTime.class),
                rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10), rs.getString(11),
                rs.getString(12));
        return ChainHash.compactHash(sha256, header, payload == null ? NO_PAYLOAD : payload, storedPrev);
    }
}

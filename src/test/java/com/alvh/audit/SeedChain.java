package com.alvh.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark seeding, not a test: appends N records to a stopped service's embedded H2 store, each a copy of one of
 * the evaluations already recorded there (seed a few hundred through the API first) with a new id and an asOf
 * spread over the two years before it. The chain stays valid: seq, prevHash and hash are computed as the writer
 * does. HTTP seeding runs at ~10 evaluations/s on a loaded 2-core machine, too slow for 100k.
 * Run (service stopped): ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt, then
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) com.alvh.audit.SeedChain jdbc:h2:file:/tmp/alvh-console/alvh 100000
 */
public final class SeedChain {

    private static final int BATCH = 2_000;

    private SeedChain() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
            c.setAutoCommit(false);
            List<StoredEvaluation> templates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EvaluationRows.COLUMNS
                    + " FROM evaluation e ORDER BY e.seq LIMIT 500"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    templates.add(EvaluationRows.read(rs));
                }
            }
            if (templates.isEmpty()) {
                throw new IllegalStateException("no records to copy: seed a few through POST /api/v1/evaluations first");
            }
            long seq;
            String prev;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM evaluation ORDER BY seq DESC LIMIT 1");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
                prev = rs.getString(2);
            }
            List<EvaluationRows.Linked> batch = new ArrayList<>();
            java.security.MessageDigest sha256 = ChainHash.sha256();
            for (int i = 0; i < count; i++) {
                StoredEvaluation t = templates.get(i % templates.size());
                EvaluationRecord r = t.record();
                String id = "seed-" + (seq + 1);
                Instant asOf = ChainHash.stored(r.asOf().minus(Duration.ofDays((i / templates.size()) % 730)));
                String oldAsOf = r.asOf().toString();
                EvaluationRecord copy = new EvaluationRecord(id, asOf, r.evaluatedAt(), r.profileName(),
                        r.profileVersion(), r.ruleSetVersion(), r.dryRun(), r.actionTypes(), r.rulesFired(),
                        r.requestJson().replace(oldAsOf, asOf.toString()),
                        r.answerJson().replace(r.evaluationId(), id).replace(oldAsOf, asOf.toString()), r.traceJson(),
                        r.caller());
                Payload payload = Payload.encode(copy.requestJson(), copy.answerJson(), copy.traceJson());
                String actions = CanonicalJson.array(copy.actionTypes());
                String rules = CanonicalJson.array(copy.rulesFired());
                Instant recordedAt = ChainHash.stored(Instant.now());
                seq++;
                String header = ChainHash.header(seq, id, asOf, copy.evaluatedAt(), recordedAt, copy.profileName(),
                        copy.profileVersion(), copy.ruleSetVersion(), copy.dryRun(), actions, rules, copy.caller());
                String hash = ChainHash.compactHash(sha256, header, payload.bytes(), prev);
                batch.add(new EvaluationRows.Linked(new StoredEvaluation(seq, copy, recordedAt, prev, hash,
                        ChainHash.FORMAT_COMPACT, payload), actions, rules));
                prev = hash;
                if (batch.size() == BATCH || i == count - 1) {
                    EvaluationRows.insert(c, batch);
                    c.commit();
                    batch.clear();
                }
            }
        }
        System.out.printf("appended %d records in %d s%n", count, (System.nanoTime() - t0) / 1_000_000_000);
    }
}

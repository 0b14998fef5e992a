package com.alvh.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the checkpoint file again verifies only the lines appended since (the signatures of the lines read
 * before are remembered with the SHA-256 of those bytes), and any change to the lines read before is seen.
 */
class CheckpointFileTest {

    @TempDir
    Path dir;

    private Checkpoints checkpoints;

    @BeforeEach
    void threeSignedCheckpoints() {
        checkpoints = new Checkpoints();
        checkpoints.config = AuditFixtures.config(dir);
        checkpoints.init();
        for (long seq = 1; seq <= 3; seq++) {
            checkpoints.write(seq, ChainHash.GENESIS.replace('0', (char) ('0' + seq)));
        }
    }

    private static List<Boolean> signaturesValid(List<Checkpoints.Read> all) {
        return all.stream().map(Checkpoints.Read::signatureValid).toList();
    }

    @Test
    void linesAppendedAfterAReadAreReadToo() {
        assertEquals(List.of(true, true, true), signaturesValid(checkpoints.all()));
        checkpoints.write(4, "4".repeat(64));
        List<Checkpoints.Read> all = checkpoints.all();
        assertEquals(List.of(true, true, true, true), signaturesValid(all));
        assertEquals(4, all.get(3).checkpoint().headSeq());
    }

    @Test
    void anEditOfALineReadBeforeIsSeen() throws Exception {
        assertEquals(List.of(true, true, true), signaturesValid(checkpoints.all()));
        Path file = checkpoints.file();
        Files.writeString(file, Files.readString(file).replace("\"headSeq\":2", "\"headSeq\":7"));
        List<Checkpoints.Read> all = checkpoints.all();
        assertEquals(List.of(true, false, true), signaturesValid(all));
        assertEquals(7, all.get(1).checkpoint().headSeq());
    }

    @Test
    void aRemovedLineIsSeenAndAPartlyWrittenLastLineIsReadAgainWhenComplete() throws Exception {
        assertEquals(3, checkpoints.all().size());
        Path file = checkpoints.file();
        List<String> lines = Files.readAllLines(file);
        Files.writeString(file, lines.get(0) + "\n" + lines.get(2) + "\n");
        assertEquals(2, checkpoints.all().size());

        String fourth = lines.get(2).replace("\"headSeq\":3", "\"headSeq\":4");
        Files.writeString(file, fourth.substring(0, 20), StandardOpenOption.APPEND);
        List<Checkpoints.Read> partly = checkpoints.all();
        assertEquals(3, partly.size());
        assertFalse(partly.get(2).signatureValid());
        Files.writeString(file, fourth.substring(20) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<Checkpoints.Read> whole = checkpoints.all();
        assertEquals(3, whole.size());
        assertTrue(whole.get(1).signatureValid());
        // the fourth line is whole now; its signature was made for headSeq 3, so it does not hold
        assertFalse(whole.get(2).signatureValid());
        assertEquals(4, whole.get(2).checkpoint().headSeq());
    }
}

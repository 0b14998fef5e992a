package com.alvh.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The stored payload: zlib with a preset dictionary named in its header, and older payloads without one. */
class PayloadTest {

    private static final String TRACE = "{\"cancelledMatches\":[],\"deriveMicros\":41,\"rulesMicros\":230}";

    @Test
    void roundTripsTheThreeTextsByteForByte() throws Exception {
        String request = Files.readString(Path.of("examples/cpi-next-day.json"));
        String answer = "{\"reason\":\"caf\u00e9 \u2028 \\\"quoted\\\"\",\"evaluationId\":\"x\"}";
        Payload p = Payload.encode(request, answer, TRACE);
        assertArrayEquals(new String[] {request, answer, TRACE}, Payload.of(p.bytes()).decode());
    }

    @Test
    void theZlibHeaderNamesTheShippedDictionaryByItsAdler32() {
        byte[] b = Payload.encode("{}", "{}", TRACE).bytes();
        assertEquals(0x78, b[0] & 0xff, "zlib, 32 KB window");
        assertTrue((b[1] & 0x20) != 0, "FDICT set (RFC 1950)");
        assertEquals((b[0] & 0xff) * 256 + (b[1] & 0xff), ((b[0] & 0xff) * 256 + (b[1] & 0xff)) / 31 * 31, "FCHECK");
        long dictId = ByteBuffer.wrap(b, 2, 4).getInt() & 0xffffffffL;
        // computed outside Java: python3 -c "import zlib; print(hex(zlib.adler32(open(
        // 'src/main/resources/com/alvh/audit/payload-dictionary-1.txt','rb').read())))". It also pins the file:
        // stored payloads name this id, so the shipped dictionary must never change (a new one gets a new file)
        assertEquals(0x1fa8c155L, dictId);
        assertEquals(PayloadDictionary.CURRENT.id(), dictId);
    }

    @Test
    void aRequestNotInTheDictionaryStillShrinksToUnderHalfOfPlainZlib() throws Exception {
        // cpi-next-day is deliberately not one of the examples the dictionary was made from
        String request = Files.readString(Path.of("examples/cpi-next-day.json"));
        String answer = request.replace("\"asOf\"", "\"evaluatedAsOf\"");
        int withDictionary = Payload.encode(request, answer, TRACE).size();
        int plain = plainZlib(request, answer, TRACE).length;
        assertTrue(withDictionary * 2 < plain, withDictionary + " bytes with the dictionary, " + plain + " without");
    }

    @Test
    void payloadsStoredBeforeDictionariesStillInflate() {
        byte[] old = plainZlib("{\"a\":1}", "{\"b\":2}", TRACE);
        assertArrayEquals(new String[] {"{\"a\":1}", "{\"b\":2}", TRACE}, Payload.of(old).decode());
    }

    @Test
    void aPayloadNamingAnUnknownDictionaryIsUnreadableNotACrash() {
        Deflater d = new Deflater();
        d.setDictionary("some other dictionary".getBytes(StandardCharsets.UTF_8));
        d.setInput(frame("{}", "{}", TRACE));
        d.finish();
        byte[] out = new byte[512];
        int n = d.deflate(out);
        d.end();
        byte[] stored = java.util.Arrays.copyOf(out, n);
        var e = assertThrows(Payload.UnreadablePayloadException.class, () -> Payload.of(stored).decode());
        assertTrue(e.getMessage().contains("dictionary"), e.getMessage());
    }

    private static byte[] plainZlib(String request, String answer, String trace) {
        Deflater d = new Deflater(6);
        d.setInput(frame(request, answer, trace));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!d.finished()) {
            out.write(buffer, 0, d.deflate(buffer));
        }
        d.end();
        return out.toByteArray();
    }

    private static byte[] frame(String... texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String t : texts) {
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
        }
        return out.toByteArray();
    }
}

package com.alvh.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON dialect the chain hashes: objects with keys sorted by code point, no whitespace, strings
 * escaping only {@code "}, {@code \} and U+0000..U+001F (as {@code \b \t \n \f \r}, else backslash-u and
 * four lower-case hex digits), everything else literal. Python's
 * {@code json.dumps(o, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} produces the same text.
 * Written by hand, not with Jackson, so that a library upgrade cannot silently change the bytes.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    /** Values may be {@link String}, {@link Long}, {@link Integer}, {@link Boolean} or a list of strings. */
    static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder(256);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : new TreeMap<>(fields).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            value(out, e.getValue());
        }
        return out.append('}').toString();
    }

    static String array(List<String> values) {
        StringBuilder out = new StringBuilder();
        value(out, values);
        return out.toString();
    }

    private static void value(StringBuilder out, Object v) {
        if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(out, (String) list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a canonical value: " + v);
        }
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        if (!needsEscaping(s)) {
            // the usual case (ids, names, versions): one copy instead of an append per character, which was a
            // tenth of a verify walk's time
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean needsEscaping(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}

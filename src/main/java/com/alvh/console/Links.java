package com.alvh.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Query strings for shareable links: only the parameters that carry a value, URL-encoded. */
final class Links {

    private Links() {
    }

    static String query(Map<String, String> parameters) {
        StringJoiner out = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                out.add(name + "=" + encode(value));
            }
        });
        return out.length() == 0 ? "" : "?" + out;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package com.alvh.strategy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Content versions: {@code sha256:} over file names and contents, so equal sources give equal versions. */
public final class ContentHash {

    private ContentHash() {
    }

    /** Version of a single source text. */
    public static String of(String content) {
        return "sha256:" + HexFormat.of().formatHex(digest().digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Version of a set of files: names sorted, each name and content length-prefixed so that
     * moving text from one file into another changes the version.
     */
    public static String ofFiles(Map<String, String> files) {
        MessageDigest md = digest();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            update(md, file.getKey());
            update(md, file.getValue());
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        md.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        md.update(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}

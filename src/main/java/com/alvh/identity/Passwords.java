package com.alvh.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * bcrypt hashing and checking. A bcrypt check costs tens of milliseconds on purpose; an API client sends its
 * Basic credentials with every call, so a successful check is remembered as an HMAC (under a key that exists only in
 * this process's memory) of the stored hash and the password. The next call with the same password and the same
 * stored hash costs one HMAC; a changed password, hash or restart costs one bcrypt again. At most one entry per user.
 */
public final class Passwords {

    /** bcrypt cost factor: 2^10 rounds, the library's default and OWASP's minimum. */
    static final int COST = 10;
    /** Shortest password the users command accepts. */
    public static final int MIN_LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked when the user does not exist, so an unknown name takes as long as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not a password of anyone", COST);

    private final byte[] cacheKey = new byte[32];
    private final Map<String, String> verified = new ConcurrentHashMap<>();

    public Passwords() {
        RANDOM.nextBytes(cacheKey);
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    /** A random password of 32 URL-safe characters (192 bits), for the first-start admin. */
    public static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the password matches the user's stored hash; a missing user never matches. */
    public boolean matches(StoredUser user, String password) {
        if (user == null) {
            BcryptUtil.matches(password, DUMMY_HASH);
            return false;
        }
        if (remembered(user, password)) {
            return true;
        }
        if (!BcryptUtil.matches(password, user.passwordHash())) {
            return false;
        }
        verified.put(user.name(), mark(user.passwordHash(), password));
        return true;
    }

    /** Whether this password was already checked against this stored hash (one HMAC, never bcrypt). */
    public boolean remembered(StoredUser user, String password) {
        String known = verified.get(user.name());
        return known != null && MessageDigest.isEqual(known.getBytes(StandardCharsets.UTF_8),
                mark(user.passwordHash(), password).getBytes(StandardCharsets.UTF_8));
    }

    private String mark(String hash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            mac.update(hash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

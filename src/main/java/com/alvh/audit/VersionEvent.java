package com.alvh.audit;

import java.time.Instant;

/**
 * One entry of the version history: a version was created (stored) or activated, by whom and when.
 *
 * @param kind    {@link #RULE_SET} or {@link #PROFILE}
 * @param subject the profile's name; empty for the rule set
 * @param what    {@link #CREATED} or {@link #ACTIVATED}
 * @param actor   the caller's name, {@code "anonymous"} without one, or the source (e.g. {@code "rules-dir"})
 */
public record VersionEvent(String kind, String subject, String version, String what, Instant at, String actor) {

    public static final String RULE_SET = "ruleset";
    public static final String PROFILE = "profile";
    public static final String CREATED = "created";
    public static final String ACTIVATED = "activated";
    /** The actor of versions loaded from the watched rules directory. */
    public static final String RULES_DIR = "rules-dir";
}

package com.alvh.audit;

import java.time.Instant;

/** A stored rule-set or profile version without its sources: its hash, the profile name (or empty) and when stored. */
public record StoredVersionInfo(String version, String subject, Instant storedAt) {
}

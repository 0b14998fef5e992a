package com.alvh.engine;

import java.time.Instant;
import java.util.List;

/** Why the last attempt to load a changed rule set was refused, and when. */
public record LoadError(List<RuleError> errors, Instant at) {
}

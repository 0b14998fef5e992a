package com.alvh.engine;

/** A rule of a compiled rule set and the file it was written in. */
public record RuleInfo(String name, String file, int salience) {
}

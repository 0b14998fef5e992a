package com.alvh.hedge;

/** A rule conclusion together with the name of the rule that drew it. */
public record Ruled<T>(T conclusion, String rule) {
}

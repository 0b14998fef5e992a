package com.alvh.hedge;

/** A sizing rule's conclusion: multiply the tranche size by {@code factor}, for the stated reason. */
public record SizeScale(double factor, String text) {
}

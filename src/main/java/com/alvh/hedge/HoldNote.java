package com.alvh.hedge;

/** A rule's conclusion that nothing calls for a change, with the sentence that says why. */
public record HoldNote(String text) {
}

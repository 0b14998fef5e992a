package com.alvh.hedge;

/** A rule's conclusion that the layer of {@code tranche} should roll to the next eligible maturity. */
public record RollProposal(int tranche, String text) {
}

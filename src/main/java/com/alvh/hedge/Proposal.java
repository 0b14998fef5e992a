package com.alvh.hedge;

import java.util.List;

/**
 * A layering rule's proposal to move the hedge ratio by a number of tranches, naming the signals behind it.
 * Guards may limit it ({@link Limit}); the decision keeps the strongest surviving proposal per direction.
 */
public record Proposal(Direction direction, int tranches, List<String> signals, String text) {

    public Proposal {
        signals = List.copyOf(signals);
    }
}

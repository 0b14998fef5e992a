package com.alvh.hedge;

import java.util.List;
import java.util.Optional;

/** The conclusions a rule session drew, by kind, each with the rule that drew it. */
public record RuleConclusions(List<Ruled<Signal>> signals, List<Ruled<Proposal>> proposals, List<Ruled<Limit>> limits,
                              List<Ruled<SizeScale>> scales, List<Ruled<RollProposal>> rolls, List<Ruled<HoldNote>> holds) {

    public RuleConclusions {
        signals = List.copyOf(signals);
        proposals = List.copyOf(proposals);
        limits = List.copyOf(limits);
        scales = List.copyOf(scales);
        rolls = List.copyOf(rolls);
        holds = List.copyOf(holds);
    }

    /** The first active signal of that name, if any rule raised it. */
    public Optional<Ruled<Signal>> signal(String name) {
        return signals.stream().filter(s -> s.conclusion().name().equals(name)).findFirst();
    }

    List<Ruled<Proposal>> proposals(Direction direction) {
        return proposals.stream().filter(p -> p.conclusion().direction() == direction).toList();
    }

    List<Ruled<Limit>> limits(Direction direction) {
        return limits.stream().filter(l -> l.conclusion().direction() == direction).toList();
    }
}

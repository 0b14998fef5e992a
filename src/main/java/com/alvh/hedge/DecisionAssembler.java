package com.alvh.hedge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.alvh.strategy.Profile;

/**
 * Turns rule conclusions into a decision. Proposals of one direction do not add up: the strongest one wins and
 * every proposal of that direction contributes its reasons. The tightest guard limit then caps it. Adding wins
 * over removing; rolls apply to layers that stay; when nothing happens the decision is HOLD, with the reasons
 * of the hold rule and of any guard that blocked a proposal.
 */
public final class DecisionAssembler {

    /** The position the decision applies to. */
    public record Book(List<Layer> layers, HedgeBook summary, double condorVegaDollars, List<VxMaturity> eligible) {
    }

    private DecisionAssembler() {
    }

    public static Decision assemble(Profile profile, Book book, RuleConclusions conclusions) {
        List<HedgeAction> actions = new ArrayList<>();
        List<Reason> blocked = new ArrayList<>();
        int added = LayerAdditions.add(profile, book, conclusions, actions, blocked);
        Optional<Layer> removed = added > 0 ? Optional.empty() : remove(book, conclusions, actions, blocked);
        rolls(book, conclusions, removed, actions);
        if (actions.isEmpty()) {
            List<Reason> reasons = new ArrayList<>();
            conclusions.holds().forEach(h -> reasons.add(new Reason(h.rule(), null, h.conclusion().text())));
            reasons.addAll(blocked);
            actions.add(HedgeAction.hold(reasons));
        }
        double before = book.summary().ratio();
        double after = before + (added - (removed.isPresent() ? 1 : 0)) * profile.trancheIncrement();
        return new Decision(actions, round(before), round(after));
    }

    private static Optional<Layer> remove(Book book, RuleConclusions conclusions, List<HedgeAction> actions,
                                          List<Reason> blocked) {
        List<Ruled<Proposal>> proposals = conclusions.proposals(Direction.REMOVE);
        if (proposals.isEmpty() || book.layers().isEmpty()) {
            return Optional.empty();
        }
        List<Ruled<Limit>> limits = conclusions.limits(Direction.REMOVE);
        if (limits.stream().anyMatch(l -> l.conclusion().maxTranches() < 1)) {
            limits.forEach(l -> blocked.add(new Reason(l.rule(), null, l.conclusion().text())));
            return Optional.empty();
        }
        Layer newest = book.layers().stream().max(Comparator.comparing(Layer::openedAt)
                .thenComparingInt(Layer::tranche)).orElseThrow();
        actions.add(new HedgeAction(ActionType.REMOVE_LAYER, newest.tranche(), newest.instrument(), newest.expiry(),
                newest.contracts(), null, null, reasonsOf(proposals, conclusions)));
        return Optional.of(newest);
    }

    private static void rolls(Book book, RuleConclusions conclusions, Optional<Layer> removed, List<HedgeAction> actions) {
        Set<Integer> done = new LinkedHashSet<>();
        for (Ruled<RollProposal> roll : conclusions.rolls()) {
            int tranche = roll.conclusion().tranche();
            Optional<Layer> layer = book.layers().stream().filter(l -> l.tranche() == tranche).findFirst();
            if (layer.isEmpty() || removed.map(r -> r.tranche() == tranche).orElse(false) || !done.add(tranche)) {
                continue;
            }
            Layer from = layer.get();
            Optional<VxMaturity> to = book.eligible().stream().filter(m -> m.expiry().isAfter(from.expiry())).findFirst();
            if (to.isEmpty()) {
                continue;
            }
            Double cost = to.get().price() == null || from.markPrice() == null ? null
                    : round((to.get().price() - from.markPrice()) * Instrument.parse(from.instrument())
                    .orElse(Instrument.VX).multiplier() * from.contracts());
            actions.add(new HedgeAction(ActionType.ROLL_LAYER, tranche, from.instrument(), to.get().expiry(),
                    from.contracts(), from.expiry(), cost,
                    List.of(new Reason(roll.rule(), null, roll.conclusion().text()))));
        }
    }

    /** One reason per (proposal rule, signal); a rule that matched twice, or a repeated signal, is named once. */
    static List<Reason> reasonsOf(List<Ruled<Proposal>> proposals, RuleConclusions conclusions) {
        Set<Reason> reasons = new LinkedHashSet<>();
        for (Ruled<Proposal> proposal : proposals) {
            for (String signal : proposal.conclusion().signals()) {
                String signalText = conclusions.signal(signal).map(s -> s.conclusion().text()).orElse("");
                reasons.add(new Reason(proposal.rule(), signal,
                        proposal.conclusion().text() + (signalText.isEmpty() ? "" : ". " + signalText)));
            }
            if (proposal.conclusion().signals().isEmpty()) {
                reasons.add(new Reason(proposal.rule(), null, proposal.conclusion().text()));
            }
        }
        return List.copyOf(reasons);
    }

    static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}

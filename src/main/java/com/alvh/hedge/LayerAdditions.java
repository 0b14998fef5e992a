package com.alvh.hedge;

import java.util.ArrayList;
import java.util.List;

import com.alvh.strategy.Profile;

/**
 * Places new tranches: tranche k sits on the k-th eligible VX maturity at or after the condor's expiry,
 * sized by {@link TrancheSizer} with the β of that maturity and the sizing rules' scale factors.
 */
final class LayerAdditions {

    private LayerAdditions() {
    }

    /** Adds the granted tranches to {@code actions}; returns how many were added. */
    static int add(Profile profile, DecisionAssembler.Book book, RuleConclusions conclusions, List<HedgeAction> actions,
                   List<Reason> blocked) {
        List<Ruled<Proposal>> proposals = conclusions.proposals(Direction.ADD);
        if (proposals.isEmpty()) {
            return 0;
        }
        int wanted = proposals.stream().mapToInt(p -> p.conclusion().tranches()).max().orElse(0);
        List<Ruled<Limit>> limits = conclusions.limits(Direction.ADD);
        int cap = limits.stream().mapToInt(l -> l.conclusion().maxTranches()).min().orElse(Integer.MAX_VALUE);
        int granted = Math.max(0, Math.min(wanted, cap));
        List<Reason> limitReasons = limits.stream().map(l -> new Reason(l.rule(), null, l.conclusion().text())).toList();
        if (granted == 0) {
            blocked.addAll(limitReasons);
            return 0;
        }
        if (book.eligible().isEmpty()) {
            DecisionAssembler.reasonsOf(proposals, conclusions).forEach(r -> blocked.add(new Reason(r.rule(), r.signal(),
                    "Not added: no VX maturity is listed at or after the condor's expiry. " + r.text())));
            return 0;
        }
        List<Reason> reasons = new ArrayList<>(DecisionAssembler.reasonsOf(proposals, conclusions));
        double scale = 1.0;
        for (Ruled<SizeScale> s : conclusions.scales()) {
            scale *= s.conclusion().factor();
            reasons.add(new Reason(s.rule(), null, s.conclusion().text()));
        }
        if (granted < wanted) {
            reasons.addAll(limitReasons);
        }
        int layersOn = book.layers().size();
        int nextTranche = book.layers().stream().mapToInt(Layer::tranche).max().orElse(0) + 1;
        for (int i = 0; i < granted; i++) {
            VxMaturity maturity = book.eligible().get(Math.min(layersOn + i, book.eligible().size() - 1));
            TrancheSizer.Size size = TrancheSizer.size(book.condorVegaDollars(), profile.betaOfMaturity(maturity.rank()),
                    profile.trancheIncrement(), scale, profile.miniVxAllowed());
            actions.add(new HedgeAction(ActionType.ADD_LAYER, nextTranche + i, size.instrument().name(),
                    maturity.expiry(), size.contracts(), null, null, reasons));
        }
        return granted;
    }
}

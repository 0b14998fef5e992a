package com.alvh.evaluation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.alvh.evaluation.request.CondorInput;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.evaluation.request.HedgeInput;
import com.alvh.hedge.Instrument;

/** Checks across fields that bean validation cannot express; every problem found is reported at once. */
final class RequestChecks {

    private RequestChecks() {
    }

    static void check(EvaluationRequest request) {
        List<Violation> violations = new ArrayList<>();
        LocalDate asOf = request.asOf().atOffset(ZoneOffset.UTC).toLocalDate();
        CondorInput condor = request.condor();
        if (condor.putLong() >= condor.putShort()) {
            violations.add(new Violation("condor.putLong", "must be below putShort (" + condor.putShort() + ")"));
        }
        if (condor.putShort() >= condor.callShort()) {
            violations.add(new Violation("condor.putShort", "must be below callShort (" + condor.callShort() + ")"));
        }
        if (condor.callShort() >= condor.callLong()) {
            violations.add(new Violation("condor.callShort", "must be below callLong (" + condor.callLong() + ")"));
        }
        double widestWing = Math.max(condor.putShort() - condor.putLong(), condor.callLong() - condor.callShort());
        if (condor.credit() >= widestWing) {
            violations.add(new Violation("condor.credit", "must be below the widest wing width " + widestWing));
        }
        if (condor.expiry().isBefore(asOf)) {
            violations.add(new Violation("condor.expiry", "condor expired on " + condor.expiry() + ", before asOf " + asOf));
        }
        checkCurve(request, asOf, violations);
        if (request.hedge() != null && request.hedge().layers() != null) {
            checkLayers(request.hedge().layers(), asOf, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private static void checkCurve(EvaluationRequest request, LocalDate asOf, List<Violation> violations) {
        var futures = request.market().vixFutures();
        long dated = futures.stream().filter(f -> f.expiry() != null).count();
        if (dated != 0 && dated != futures.size()) {
            violations.add(new Violation("market.vixFutures", "give an expiry for every quote or for none"));
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < futures.size(); i++) {
            LocalDate expiry = futures.get(i).expiry();
            if (expiry != null && expiry.isBefore(asOf)) {
                violations.add(new Violation("market.vixFutures[" + i + "].expiry", "expired before asOf " + asOf));
            }
            if (expiry != null && !seen.add(expiry)) {
                violations.add(new Violation("market.vixFutures[" + i + "].expiry", "duplicate expiry " + expiry));
            }
        }
    }

    private static void checkLayers(List<HedgeInput.LayerInput> layers, LocalDate asOf, List<Violation> violations) {
        Set<Integer> tranches = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            HedgeInput.LayerInput layer = layers.get(i);
            String at = "hedge.layers[" + i + "]";
            if (Instrument.parse(layer.instrument()).isEmpty()) {
                violations.add(new Violation(at + ".instrument", "unknown instrument '" + layer.instrument() + "'; expected VX or VXM"));
            }
            if (!tranches.add(layer.tranche())) {
                violations.add(new Violation(at + ".tranche", "duplicate tranche " + layer.tranche()));
            }
            if (layer.openedAt().isAfter(asOf)) {
                violations.add(new Violation(at + ".openedAt", "is after asOf " + asOf));
            }
            if (layer.expiry().isBefore(asOf)) {
                violations.add(new Violation(at + ".expiry", "expired before asOf " + asOf));
            }
        }
    }
}

package com.alvh.evaluation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.alvh.evaluation.request.HedgeInput;
import com.alvh.hedge.HedgeBook;
import com.alvh.hedge.Instrument;
import com.alvh.hedge.Layer;
import com.alvh.market.curve.FuturePoint;
import com.alvh.strategy.Profile;

/**
 * The hedge book for the rules: each layer marked on the curve, the hedge ratio, days since the last changes and
 * the expected carry. Carry assumes each future rolls down linearly to VIX spot by its expiry, so over the next
 * 30 days a layer loses (future − VIX) × min(30, days to expiry) / days to expiry per unit.
 */
final class HedgeDerivation {

    /** The book summary and its layers. */
    record Result(HedgeBook book, List<Layer> layers) {
    }

    private HedgeDerivation() {
    }

    static Result derive(LocalDate asOf, List<LocalDate> listed, double vix, HedgeInput hedge, List<FuturePoint> curve,
                         Profile profile, double creditDollars) {
        List<HedgeInput.LayerInput> inputs = hedge == null || hedge.layers() == null ? List.of() : hedge.layers();
        List<Layer> layers = new ArrayList<>();
        double carry = 0;
        double pnl = 0;
        LocalDate newest = null;
        for (HedgeInput.LayerInput in : inputs) {
            int multiplier = Instrument.parse(in.instrument()).orElseThrow().multiplier();
            int dte = (int) ChronoUnit.DAYS.between(asOf, in.expiry());
            Double mark = curve.stream().filter(p -> p.expiry().equals(in.expiry())).map(FuturePoint::price)
                    .findFirst().orElse(null);
            double layerPnl = mark == null ? 0 : (mark - in.entryPrice()) * multiplier * in.contracts();
            if (mark != null && dte > 0) {
                carry += (mark - vix) * Math.min(30, dte) / dte * multiplier * in.contracts();
            }
            pnl += layerPnl;
            newest = newest == null || in.openedAt().isAfter(newest) ? in.openedAt() : newest;
            layers.add(new Layer(in.tranche(), in.instrument(), in.expiry(), in.contracts(), in.entryPrice(),
                    in.openedAt(), dte, listed.indexOf(in.expiry()), mark, round(layerPnl)));
        }
        int sinceAdd = newest == null ? HedgeBook.NEVER : (int) ChronoUnit.DAYS.between(newest, asOf);
        LocalDate lastRemoval = hedge == null ? null : hedge.lastRemovalAt();
        int sinceRemoval = lastRemoval == null ? HedgeBook.NEVER : (int) ChronoUnit.DAYS.between(lastRemoval, asOf);
        HedgeBook book = new HedgeBook(round(layers.size() * profile.trancheIncrement()), layers.size(), sinceAdd,
                sinceRemoval, round(carry), round(carry / creditDollars * 100), round(pnl));
        return new Result(book, layers);
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}

package com.alvh.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.alvh.evaluation.request.FutureQuote;
import com.alvh.evaluation.request.MarketInput;
import com.alvh.hedge.VxMaturity;
import com.alvh.market.calendar.VxCalendar;
import com.alvh.market.curve.FuturePoint;
import com.alvh.market.curve.TermStructure;
import com.alvh.market.curve.TermStructureAnalysis;

/** The VX curve: dated quotes (dates from the VX calendar when the client gave none) and its term structure. */
final class CurveDerivation {

    /** How many listed maturities the calendar is asked for: VX lists about nine months. */
    private static final int LISTED_MATURITIES = 12;

    private CurveDerivation() {
    }

    static List<FuturePoint> datedCurve(LocalDate asOf, List<FutureQuote> quotes) {
        List<LocalDate> calendar = VxCalendar.expiriesOnOrAfter(asOf, Math.max(quotes.size(), 1));
        List<FuturePoint> points = new ArrayList<>();
        for (int i = 0; i < quotes.size(); i++) {
            FutureQuote q = quotes.get(i);
            points.add(new FuturePoint(q.expiry() != null ? q.expiry() : calendar.get(i), q.price()));
        }
        points.sort(java.util.Comparator.comparing(FuturePoint::expiry));
        return points;
    }

    static TermStructure termStructure(LocalDate asOf, MarketInput market, List<FuturePoint> curve) {
        try {
            return TermStructureAnalysis.of(asOf, market.vix(), curve, market.previousSlope(), market.vix3m());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("market.vixFutures", e.getMessage());
        }
    }

    /**
     * Maturities a layer may sit on: VX expiries on or after the condor's expiry, ranked from the front month as of
     * {@code asOf} (the rank picks the profile's β), priced from the curve when it lists them.
     */
    static List<VxMaturity> eligible(LocalDate asOf, LocalDate condorExpiry, List<FuturePoint> curve) {
        Map<LocalDate, Double> prices = new TreeMap<>();
        curve.forEach(p -> prices.put(p.expiry(), p.price()));
        List<LocalDate> listed = VxCalendar.expiriesOnOrAfter(asOf, LISTED_MATURITIES);
        List<VxMaturity> eligible = new ArrayList<>();
        for (int rank = 0; rank < listed.size(); rank++) {
            LocalDate expiry = listed.get(rank);
            if (!expiry.isBefore(condorExpiry)) {
                eligible.add(new VxMaturity(expiry, rank, prices.get(expiry)));
            }
        }
        return eligible;
    }

    /** Rank of an expiry among the listed maturities as of {@code asOf}, -1 when it is not a listed VX expiry. */
    static int rankOf(LocalDate asOf, LocalDate expiry) {
        return VxCalendar.expiriesOnOrAfter(asOf, LISTED_MATURITIES).indexOf(expiry);
    }
}

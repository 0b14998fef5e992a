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

    /** How many listed maturities the calendar is asked for: VX lists about nine months, a request up to 12 quotes. */
    static final int LISTED_MATURITIES = 12;

    private CurveDerivation() {
    }

    /** VX expiries on or after {@code asOf}, front month first: computed once per evaluation and shared. */
    static List<LocalDate> listed(LocalDate asOf) {
        return VxCalendar.expiriesOnOrAfter(asOf, LISTED_MATURITIES);
    }

    /** Quotes with their expiries; an undated k-th quote sits on the k-th listed expiry. */
    static List<FuturePoint> datedCurve(List<LocalDate> calendar, List<FutureQuote> quotes) {
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
     * Maturities a layer may sit on: listed VX expiries on or after the condor's expiry, ranked from the front month
     * (the rank picks the profile's β), priced from the curve when it lists them.
     */
    static List<VxMaturity> eligible(List<LocalDate> listed, LocalDate condorExpiry, List<FuturePoint> curve) {
        Map<LocalDate, Double> prices = new TreeMap<>();
        curve.forEach(p -> prices.put(p.expiry(), p.price()));
        List<VxMaturity> eligible = new ArrayList<>();
        for (int rank = 0; rank < listed.size(); rank++) {
            LocalDate expiry = listed.get(rank);
            if (!expiry.isBefore(condorExpiry)) {
                eligible.add(new VxMaturity(expiry, rank, prices.get(expiry)));
            }
        }
        return eligible;
    }
}

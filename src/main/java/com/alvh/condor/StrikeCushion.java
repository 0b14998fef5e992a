package com.alvh.condor;

/**
 * How much of the room the short strikes were given SPX has used up since they were placed. A fixed distance in σ
 * says little here: a 0.16-delta short strike sits about 1σ away the day it is sold, so every new condor would look
 * "near". Measured against where the strikes were opened, a condor looks near only once SPX has actually moved.
 *
 * @param spxAtOpen          SPX when the short strikes were placed (the latest re-opening of a side included)
 * @param putCushionUsedPct  (spxAtOpen − SPX) ÷ (spxAtOpen − put short) × 100: 0 when opened, 100 at the put short
 *                           strike, negative after a rally; 100 when the put short was not below spxAtOpen
 * @param callCushionUsedPct (SPX − spxAtOpen) ÷ (call short − spxAtOpen) × 100, the same for the call side
 */
public record StrikeCushion(double spxAtOpen, double putCushionUsedPct, double callCushionUsedPct) {

    public static StrikeCushion of(CondorLegs legs, double spxAtOpen, double spx) {
        double putRoom = spxAtOpen - legs.putShort();
        double callRoom = legs.callShort() - spxAtOpen;
        return new StrikeCushion(spxAtOpen, used(spxAtOpen - spx, putRoom), used(spx - spxAtOpen, callRoom));
    }

    private static double used(double moved, double room) {
        return room > 0 ? Math.round(moved / room * 1e6) / 1e4 : 100;
    }
}

package com.alvh.research;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.alvh.research.SweepSpec.Window;

/**
 * How a sweep's test window is walked: cut into {@code folds} consecutive test windows of equal calendar length; fold
 * k's fit window ends as long before its test window as the sweep's fit window ends before the sweep's test window.
 * <b>Anchored</b>: every fit window starts where the sweep's does (it grows with each fold). <b>Rolling</b>: every fit
 * window is as long as the sweep's (it slides with each fold). Fold 1 is the sweep's fit window and the first test
 * window, so one fold is the plain fit/test split.
 */
public record WalkForward(Mode mode, int folds) {

    /** Whether the fit window keeps its start or its length. */
    public enum Mode { ANCHORED, ROLLING }

    /** One fold: where variants are ranked, and the later window they are judged on. */
    public record Fold(int index, Window fit, Window test) {
    }

    public static final WalkForward SINGLE = new WalkForward(Mode.ANCHORED, 1);

    public WalkForward {
        if (folds < 1 || folds > 100) {
            throw new IllegalArgumentException("walkForward.folds must be between 1 and 100, was " + folds);
        }
    }

    public static Mode mode(String text) {
        try {
            return Mode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("walkForward.mode must be anchored or rolling, was '" + text + "'");
        }
    }

    public List<Fold> folds(Window fit, Window test) {
        if (test == null) {
            if (folds > 1) {
                throw new IllegalArgumentException("a walk-forward of " + folds + " folds needs a test window to walk");
            }
            return List.of(new Fold(1, fit, null));
        }
        long span = ChronoUnit.DAYS.between(test.from(), test.to()) + 1;
        if (span < 2L * folds) {
            throw new IllegalArgumentException("the test window is too short for " + folds + " folds");
        }
        List<Fold> out = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            LocalDate from = test.from().plusDays(span * k / folds);
            LocalDate to = k == folds - 1 ? test.to() : test.from().plusDays(span * (k + 1) / folds - 1);
            long shift = ChronoUnit.DAYS.between(test.from(), from);
            LocalDate fitFrom = mode == Mode.ROLLING ? fit.from().plusDays(shift) : fit.from();
            out.add(new Fold(k + 1, new Window(fitFrom, fit.to().plusDays(shift)), new Window(from, to)));
        }
        return out;
    }
}

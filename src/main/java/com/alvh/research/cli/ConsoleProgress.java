package com.alvh.research.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar with the elapsed time and an estimate of the time left, redrawn in place on a terminal.
 * Quiet when the output is not a terminal (a pipe, a file, CI), so logs hold results, not carriage returns.
 */
public final class ConsoleProgress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final String task;
    private final PrintStream out;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;

    public ConsoleProgress(String task, PrintStream out, boolean enabled) {
        this.task = task;
        this.out = out;
        this.enabled = enabled;
    }

    /** Progress on the terminal if there is one, else nothing. */
    public static ConsoleProgress onTerminal(String task) {
        return new ConsoleProgress(task, System.err, System.console() != null);
    }

    public void update(long done, long total, String detail) {
        long now = System.nanoTime();
        if (!enabled || (now - lastDraw < REDRAW_NANOS && done < total)) {
            return;
        }
        lastDraw = now;
        out.print('\r' + line(done, total, detail, now - start));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }

    /** The bar text: {@code task [=====>    ]  42% 2100/5000 elapsed 0:03 left 0:04 detail}. */
    String line(long done, long total, String detail, long elapsedNanos) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        String left = done <= 0 ? "?" : clock((long) (elapsedNanos / fraction) - elapsedNanos);
        return String.format(Locale.ROOT, "%s [%s] %3.0f%% %d/%d elapsed %s left %s %s", task, bar, fraction * 100, done,
                total, clock(elapsedNanos), left, detail == null ? "" : detail);
    }

    private static String clock(long nanos) {
        Duration d = Duration.ofNanos(Math.max(0, nanos));
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}

package com.alvh.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.alvh.backtest.data.MarketEvent;
import com.alvh.market.calendar.ExchangeHolidays;

/**
 * A reproducible synthetic market: SPX a random walk whose daily vol follows VIX, VIX mean-reverting with a sell-off
 * (SPX −12%, VIX up to ~40) in the middle so the hedge rules have something to do; VIX3M lags VIX; FOMC every six
 * weeks. No VX curve, so layers are priced by the model.
 */
public final class GeneratedMarket {

    private GeneratedMarket() {
    }

    public static MarketHistory history(int days) {
        Random random = new Random(42);
        List<MarketDay> out = new ArrayList<>();
        double spx = 4000;
        double vix = 15;
        LocalDate date = LocalDate.of(2019, 1, 2);
        for (int i = 0; i < days; i++) {
            while (!ExchangeHolidays.isTradingDay(date)) {
                date = date.plusDays(1);
            }
            boolean selloff = i >= days / 2 && i < days / 2 + 8;
            double shock = selloff ? -0.016 : random.nextGaussian() * vix / 100 / Math.sqrt(252) + 0.0004;
            spx *= 1 + shock;
            vix = selloff ? vix * 1.12 : Math.max(9, vix + 0.08 * (15 - vix) + random.nextGaussian() * 0.8 - 40 * shock);
            out.add(MarketDay.of(date, round(spx), round(vix), round(0.7 * vix + 0.3 * 17 + 1)));
            date = date.plusDays(1);
        }
        List<MarketEvent> events = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2019, 1, 30); d.isBefore(date.plusDays(60)); d = d.plusWeeks(6)) {
            events.add(new MarketEvent(d, "FOMC"));
        }
        return new MarketHistory(out, events);
    }

    /** The same market with every close after {@code index} changed: a crash that no decision up to it may see. */
    static MarketHistory perturbedAfter(MarketHistory history, int index) {
        List<MarketDay> days = new ArrayList<>(history.days());
        for (int i = index + 1; i < days.size(); i++) {
            MarketDay d = days.get(i);
            days.set(i, new MarketDay(d.date(), d.spx() * 0.7, d.vix() * 2.5, d.vix3m() * 2, d.vx()));
        }
        return new MarketHistory(days, history.events());
    }

    /** Writes the market as the three file formats the command reads; returns the directory. */
    public static Path writeFiles(MarketHistory history, Path dir) throws IOException {
        StringBuilder spx = new StringBuilder("date,open,high,low,close,volume\n");
        StringBuilder vix = new StringBuilder("DATE,OPEN,HIGH,LOW,CLOSE\n");
        StringBuilder vix3m = new StringBuilder("DATE,OPEN,HIGH,LOW,CLOSE\n");
        DateTimeFormatter us = DateTimeFormatter.ofPattern("MM/dd/yyyy");
        for (MarketDay d : history.days()) {
            spx.append(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,1000%n", d.date(), d.spx(), d.spx(), d.spx(), d.spx()));
            vix.append(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f%n", d.date(), d.vix(), d.vix(), d.vix(), d.vix()));
            vix3m.append(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f%n", d.date().format(us), d.vix3m(), d.vix3m(),
                    d.vix3m(), d.vix3m()));
        }
        StringBuilder events = new StringBuilder("date,type\n");
        history.events().forEach(e -> events.append(e.date()).append(',').append(e.type()).append('\n'));
        Files.writeString(dir.resolve("spx.csv"), spx);
        Files.writeString(dir.resolve("vix.csv"), vix);
        Files.writeString(dir.resolve("vix3m.csv"), vix3m);
        Files.writeString(dir.resolve("events.csv"), events);
        return dir;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

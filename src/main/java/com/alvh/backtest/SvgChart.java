package com.alvh.backtest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A line chart as inline SVG, drawn here so the report needs no script or stylesheet from elsewhere. */
final class SvgChart {

    /** One colour per series name, so an arm looks the same in every chart. */
    private static final Map<String, String> COLOURS = Map.of("unhedged", "#888888", "static", "#1f77b4",
            "alvh", "#d62728");
    private static final int WIDTH = 900;
    private static final int HEIGHT = 260;
    private static final int PAD = 50;

    private SvgChart() {
    }

    static String lines(String title, List<LocalDate> dates, Map<String, List<Double>> series) {
        double min = series.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).min().orElse(0);
        double max = series.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(1);
        if (max == min) {
            max = min + 1;
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d'>"
                + "<text x='%d' y='16' font-size='14'>%s</text>", WIDTH, HEIGHT, PAD, escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x='2' y='%d' font-size='10'>%.0f</text>"
                + "<text x='2' y='%d' font-size='10'>%.0f</text>", PAD, max, HEIGHT - PAD, min));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='10'>%s</text>"
                + "<text x='%d' y='%d' font-size='10'>%s</text>", PAD, HEIGHT - 30, dates.get(0),
                WIDTH - PAD - 60, HEIGHT - 30, dates.get(dates.size() - 1)));
        if (min < 0 && max > 0) {
            double zero = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * (0 - min) / (max - min);
            svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#cccccc'/>",
                    PAD, WIDTH - PAD, zero, zero));
        }
        int colour = 0;
        for (var entry : series.entrySet()) {
            String c = COLOURS.getOrDefault(entry.getKey(), "#2ca02c");
            svg.append("<polyline fill='none' stroke-width='1' stroke='").append(c).append("' points='");
            List<Double> values = entry.getValue();
            for (int i = 0; i < values.size(); i++) {
                double x = PAD + (WIDTH - 2.0 * PAD) * i / Math.max(1, values.size() - 1);
                double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * (values.get(i) - min) / (max - min);
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("'/>");
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='12' fill='%s'>%s</text>",
                    PAD + 150 * colour, HEIGHT - 10, c, escape(entry.getKey())));
            colour++;
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}

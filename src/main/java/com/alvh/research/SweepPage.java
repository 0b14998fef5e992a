package com.alvh.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.alvh.backtest.Metrics;
import com.alvh.backtest.report.Fmt;
import com.alvh.backtest.report.ReportTemplates;

/**
 * The sweep's report page: the parameter heatmap (objective on the fit and on the test windows over the first two
 * parameters, the best over any others), the drawdown-versus-hedge-cost frontier, the walk-forward picks, PBO and the
 * deflated Sharpe ratio, and the top of the ranking.
 */
final class SweepPage {

    private static final String TEMPLATE = "com/alvh/research/sweep-report.html";
    private static final int TABLE_ROWS = 100;

    /** One ranked variant, formatted. */
    record Row(int rank, int variant, String parameters, boolean feasible, String fitObjective, String testObjective,
               String fitPnl, String fitDrawdown, String fitHedgeCost, String dsr) {
    }

    /** One walk-forward fold, formatted. */
    record Pick(int fold, String fit, String test, int variant, String parameters, String fitObjective,
                String testObjective, String testPnl, String testDrawdown) {
    }

    private SweepPage() {
    }

    static String render(SweepSpec spec, SweepResults.Summary s) {
        double sharpeVariance = SweepResults.variance(s.ranking().stream().map(r -> r.variant().fitReturns())
                .filter(x -> x != null).mapToDouble(ReturnStats::sharpe).toArray());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("objective", spec.objective().toString());
        page.put("variants", s.variants());
        page.put("fit", spec.fit().from() + " – " + spec.fit().to());
        page.put("test", spec.test() == null ? "none" : spec.test().from() + " – " + spec.test().to());
        page.put("walk", spec.walkForward().mode().toString().toLowerCase(java.util.Locale.ROOT) + ", "
                + spec.walkForward().folds() + " fold(s)");
        page.put("constraints", spec.constraints().isEmpty() ? "none" : spec.constraints().toString());
        page.put("pbo", s.pbo() == null ? "–" : Fmt.ratio(s.pbo().pbo()) + " (" + s.pbo().splits() + " splits)");
        page.put("dsr", s.dsr() == null ? "–" : Fmt.ratio(s.dsr().dsr()));
        page.put("sr0", s.dsr() == null ? "–" : String.format(java.util.Locale.ROOT, "%.4f", s.dsr().expectedMaxSharpe()));
        page.put("rows", s.ranking().stream().limit(TABLE_ROWS).map(r -> new Row(r.rank(), r.variant().id(),
                String.valueOf(r.variant().parameters()), r.feasible(), Fmt.ratio(r.fitScore()), Fmt.ratio(r.testScore()),
                Fmt.dollars(r.variant().fit().totalPnl()), Fmt.dollars(r.variant().fit().maxDrawdown()),
                Fmt.dollars(r.variant().fit().hedgeCost()),
                Fmt.ratio(SweepResults.dsr(r.variant(), s.variants(), sharpeVariance)))).toList());
        page.put("picks", s.walkForward().stream().map(p -> new Pick(p.fold(), p.fit().from() + " – " + p.fit().to(),
                p.test() == null ? "–" : p.test().from() + " – " + p.test().to(), p.variant(), String.valueOf(p.parameters()),
                Fmt.ratio(p.fitObjective()), Fmt.ratio(p.testObjective()),
                p.testMetrics() == null ? "–" : Fmt.dollars(p.testMetrics().totalPnl()),
                p.testMetrics() == null ? "–" : Fmt.dollars(p.testMetrics().maxDrawdown()))).toList());
        page.put("data", ReportTemplates.json(data(spec, s)));
        return ReportTemplates.render(TEMPLATE, page);
    }

    /** The heatmap cells and the frontier points, as the charts read them. */
    static Map<String, Object> data(SweepSpec spec, SweepResults.Summary s) {
        List<String> names = new ArrayList<>(spec.parameters().keySet());
        String x = names.get(0);
        String y = names.size() > 1 ? names.get(1) : null;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("objective", spec.objective().toString());
        data.put("x", SweepFiles.ordered("name", x, "values", spec.parameters().get(x).stream().map(String::valueOf).toList()));
        data.put("y", y == null ? SweepFiles.ordered("name", "", "values", List.of("all"))
                : SweepFiles.ordered("name", y, "values", spec.parameters().get(y).stream().map(String::valueOf).toList()));
        // The best variant of each (x, y) cell, where more parameters vary: the heatmap shows what the grid can reach.
        Map<String, Ranking.Ranked> cells = new LinkedHashMap<>();
        for (Ranking.Ranked r : s.ranking()) {
            String key = r.variant().parameters().get(x) + "|" + (y == null ? "all" : r.variant().parameters().get(y));
            cells.merge(key, r, (a, b) -> a.rank() <= b.rank() ? a : b);
        }
        data.put("cells", cells.entrySet().stream().map(e -> {
            String[] k = e.getKey().split("\\|", 2);
            Ranking.Ranked r = e.getValue();
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("x", k[0]);
            cell.put("y", k[1]);
            cell.put("fit", finite(r.fitScore()));
            cell.put("test", finite(r.testScore()));
            cell.put("variant", r.variant().id());
            return cell;
        }).toList());
        List<Map<String, Object>> points = new ArrayList<>();
        for (Ranking.Ranked r : s.ranking()) {
            Metrics m = r.variant().fit();
            points.add(SweepFiles.ordered("variant", r.variant().id(), "drawdown", m.maxDrawdown(), "hedgeCost", m.hedgeCost(),
                    "pnl", m.totalPnl(), "feasible", r.feasible(), "parameters", String.valueOf(r.variant().parameters())));
        }
        data.put("points", points.size() > 5000 ? points.subList(0, 5000) : points);
        data.put("frontier", frontier(s.ranking()));
        return data;
    }

    /** Variants no other beats on both: lower max drawdown and lower hedge cost (fit window), by hedge cost. */
    static List<Map<String, Object>> frontier(List<Ranking.Ranked> ranking) {
        List<Metrics> sorted = ranking.stream().map(r -> r.variant().fit())
                .sorted(Comparator.comparingDouble(Metrics::hedgeCost).thenComparingDouble(Metrics::maxDrawdown)).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (Metrics m : sorted) {
            if (m.maxDrawdown() < best) {
                best = m.maxDrawdown();
                out.add(SweepFiles.ordered("hedgeCost", m.hedgeCost(), "drawdown", m.maxDrawdown()));
            }
        }
        return out;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? (Object) v : null;
    }
}

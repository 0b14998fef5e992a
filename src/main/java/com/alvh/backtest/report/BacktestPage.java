package com.alvh.backtest.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.alvh.backtest.BacktestResult;
import com.alvh.backtest.LayerEvent;
import com.alvh.backtest.Metrics;
import com.alvh.backtest.YearlyPnl;

/**
 * The backtest report page: tables rendered by the template from the rows below, charts drawn in the browser by
 * ECharts from the embedded JSON (daily equity, hedge ratio, VIX, layer events, monthly P&L, attribution).
 */
public final class BacktestPage {

    static final String TEMPLATE = "com/alvh/backtest/report/backtest-report.html";

    /** An arm's headline figures, formatted. */
    public record ArmRow(String name, String totalPnl, String irr, String maxDrawdown, String worstDay, String hedgeCost,
                         String rebalancingCosts, String hedgePnl, String coverage, int layerDays, int modelledDays) {
    }

    /** A stress window with one cell group per arm, formatted. */
    public record StressRow(String label, String period, int days, String rebalancingCosts, List<StressCell> cells) {
    }

    /** One arm in one stress window; {@code loss} marks a negative hedge P&L for the stylesheet. */
    public record StressCell(String drawdown, String hedgePnl, String coverage, boolean loss) {
    }

    /** The hedge P&L of the layers a rule opened in one arm. */
    public record Attribution(String arm, String rule, String pnl, long opened, boolean loss) {
    }

    /** One calendar year's P&L per arm, formatted. */
    public record YearRow(int year, List<String> pnl) {
    }

    private BacktestPage() {
    }

    public static String render(BacktestResult r) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("profile", r.profile());
        page.put("from", r.dates().get(0).toString());
        page.put("to", r.dates().get(r.dates().size() - 1).toString());
        page.put("days", r.dates().size());
        page.put("armNames", r.arms().stream().map(BacktestResult.Arm::name).toList());
        page.put("arms", r.arms().stream().map(BacktestPage::armRow).toList());
        page.put("stressSpan", r.arms().size() * 3 + 1);
        page.put("stress", StressWindows.of(r).stream().map(BacktestPage::stressRow).toList());
        page.put("attribution", attribution(r));
        page.put("years", YearlyPnl.of(r).stream().map(y -> new YearRow(y.year(),
                y.pnlByArm().values().stream().map(Fmt::dollars).toList())).toList());
        page.put("config", r.config().toString());
        page.put("data", ReportTemplates.json(data(r)));
        return ReportTemplates.render(TEMPLATE, page);
    }

    private static ArmRow armRow(BacktestResult.Arm a) {
        Metrics m = a.metrics();
        return new ArmRow(a.name(), Fmt.dollars(m.totalPnl()), Fmt.percent(m.irr()), Fmt.dollars(m.maxDrawdown()),
                Fmt.dollars(m.worstDay()), Fmt.dollars(m.hedgeCost()), Fmt.dollars(m.rebalancingCosts()),
                Fmt.dollars(m.hedgePnl()), Fmt.ratio(m.coverageRatio()), m.layerDays(), m.modelledDays());
    }

    private static StressRow stressRow(StressWindows.Row row) {
        String period = row.window().from() + " – " + row.window().to();
        if (!row.covered()) {
            return new StressRow(row.window().label(), period, 0, "–", List.of());
        }
        return new StressRow(row.window().label(), period, row.days(), Fmt.dollars(row.rebalancingCosts()),
                row.arms().stream().map(a -> a.arm().equals("unhedged")
                        ? new StressCell(Fmt.dollars(a.drawdown()), "–", "–", false)
                        : new StressCell(Fmt.dollars(a.drawdown()), Fmt.dollars(a.hedgePnl()), Fmt.ratio(a.coverage()),
                                a.hedgePnl() < 0)).toList());
    }

    private static List<Attribution> attribution(BacktestResult r) {
        List<Attribution> rows = new ArrayList<>();
        for (BacktestResult.Arm arm : r.arms()) {
            arm.ledger().pnlByOpeningRule().entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
                long opened = arm.ledger().events().stream()
                        .filter(ev -> ev.kind() == LayerEvent.Kind.OPENED && ev.openedBy().equals(e.getKey())).count();
                rows.add(new Attribution(arm.name(), e.getKey(), Fmt.dollars(e.getValue()), opened, e.getValue() < 0));
            });
        }
        return rows;
    }

    /** What the charts draw; equity and costs in whole dollars, which is all a chart can show. */
    static Map<String, Object> data(BacktestResult r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("profile", r.profile());
        data.put("dates", r.dates().stream().map(Object::toString).toList());
        data.put("vix", r.vix());
        data.put("rebalancingCosts", r.rebalancingCosts().stream().map(v -> (double) Math.round(v)).toList());
        List<Map<String, Object>> arms = new ArrayList<>();
        List<Map<String, Object>> events = new ArrayList<>();
        List<Map<String, Object>> attribution = new ArrayList<>();
        for (BacktestResult.Arm a : r.arms()) {
            Map<String, Object> arm = new LinkedHashMap<>();
            arm.put("name", a.name());
            arm.put("equity", a.run().equity().stream().map(v -> (double) Math.round(v)).toList());
            arm.put("hedgeRatio", a.run().hedgeRatio().stream().map(v -> Math.round(v * 1e4) / 1e4).toList());
            arms.add(arm);
            for (LayerEvent e : a.ledger().events()) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("arm", a.name());
                event.put("date", e.date().toString());
                event.put("kind", e.kind());
                event.put("tranche", e.tranche());
                event.put("instrument", e.instrument());
                event.put("expiry", e.expiry().toString());
                event.put("newExpiry", e.newExpiry() == null ? null : e.newExpiry().toString());
                event.put("contracts", e.contracts());
                event.put("price", Math.round(e.price() * 100) / 100.0);
                event.put("rule", e.rule());
                event.put("openedBy", e.openedBy());
                event.put("pnl", Double.isNaN(e.pnl()) ? null : (double) Math.round(e.pnl()));
                events.add(event);
            }
            a.ledger().pnlByOpeningRule().forEach((rule, pnl) -> attribution.add(
                    Map.of("arm", a.name(), "rule", rule, "pnl", (double) Math.round(pnl))));
        }
        data.put("arms", arms);
        data.put("events", events);
        data.put("attribution", attribution);
        data.put("monthly", MonthlyPnl.of(r));
        return data;
    }
}

package com.alvh.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;

/**
 * Runs the three arms over the same days. On day t every decision sees {@code days.subList(0, t + 1)} only, so
 * no later price can leak in; the condor schedule is shared, since the hedge never changes it.
 */
public final class Simulation {

    /** Closes needed before the first simulated day: MACD(12,26,9) needs 34. */
    static final int WARM_UP = 35;

    private Simulation() {
    }

    /** Told after every simulated day: days done, days in all, and the day's date. */
    @FunctionalInterface
    public interface DayListener {
        void day(int done, int total, LocalDate date);
    }

    public static BacktestResult run(MarketHistory history, LocalDate from, LocalDate to, BacktestConfig config,
                                     LoadedProfile profile, CompiledRuleSet rules, Consumer<String> progress) {
        return run(history, from, to, config, profile, rules, progress, (done, total, date) -> { });
    }

    public static BacktestResult run(MarketHistory history, LocalDate from, LocalDate to, BacktestConfig config,
                                     LoadedProfile profile, CompiledRuleSet rules, Consumer<String> progress,
                                     DayListener listener) {
        List<MarketDay> days = history.days();
        int start = Math.max(history.indexOnOrAfter(from), WARM_UP);
        int end = history.indexOnOrAfter(to.plusDays(1));
        if (start >= end) {
            throw new IllegalArgumentException("no trading day with " + WARM_UP + " days of history between " + from
                    + " and " + to);
        }
        CondorBook condor = new CondorBook(config, new CondorPricer(profile.profile()));
        RequestBuilder requests = new RequestBuilder(profile.profile().name(), config, history.events());
        List<HedgeArm> arms = List.of(new HedgeArm("unhedged", config), new HedgeArm("static", config),
                new HedgeArm("alvh", config));
        List<HedgePolicy> policies = List.of(HedgePolicy.NONE, new StaticPolicy(config, profile.profile()),
                new AlvhPolicy(profile, rules, requests));
        List<ArmRun> runs = arms.stream().map(a -> ArmRun.start(a.name)).toList();
        List<LocalDate> dates = new ArrayList<>();
        List<Double> rebalancing = new ArrayList<>();
        for (int i = start; i < end; i++) {
            List<MarketDay> seen = days.subList(0, i + 1);
            MarketDay day = days.get(i);
            dates.add(day.date());
            condor.step(day);
            rebalancing.add(condor.rebalancingCosts());
            for (int a = 0; a < arms.size(); a++) {
                HedgeArm arm = arms.get(a);
                arm.settleExpired(day);
                HedgePolicy.DayActions actions = policies.get(a).act(seen, condor, arm);
                arm.accrueCarry(day);
                runs.get(a).add(condor.equity(day) + arm.cash() + arm.unrealised(day), condor.realisedPnl() + arm.cash(),
                        actions);
            }
            listener.day(i - start + 1, end - start, day.date());
            if ((i - start) % 250 == 249) {
                progress.accept(String.format("%s  day %d/%d  equity unhedged %.0f static %.0f alvh %.0f", day.date(),
                        i - start + 1, end - start, last(runs.get(0)), last(runs.get(1)), last(runs.get(2))));
            }
        }
        List<BacktestResult.Arm> results = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            results.add(new BacktestResult.Arm(runs.get(a), ArmMetrics.of(dates, runs.get(a), arms.get(a), condor, config,
                    days.get(end - 1))));
        }
        List<Double> vix = days.subList(start, end).stream().map(MarketDay::vix).toList();
        return new BacktestResult(profile.profile().name(), dates, vix, results, config, rebalancing);
    }

    private static double last(ArmRun run) {
        return run.equity().get(run.equity().size() - 1);
    }
}

package com.alvh.research.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.alvh.backtest.MarketHistory;
import com.alvh.engine.CompiledRuleSet;
import com.alvh.strategy.ProfileCatalog;

import picocli.CommandLine.Option;

/** The inputs `backtest` and `sweep` share: market history files, and the rule and profile directories. */
final class HistoryOptions {

    @Option(names = "--spx", required = true, paramLabel = "FILE", description = "SPX daily closes (date,...,close)")
    Path spx;

    @Option(names = "--vix", required = true, paramLabel = "FILE", description = "VIX daily closes")
    Path vix;

    @Option(names = "--vix3m", paramLabel = "FILE", description = "VIX3M daily closes (optional)")
    Path vix3m;

    @Option(names = "--vx-curve", paramLabel = "FILE", description = "VX settlements: long (trade_date,expiry,settle), "
            + "wide (trade_date,m1_expiry,m1_settle,...), by rank (date,M1..Mn) or one Cboe file per contract; repeatable")
    List<Path> curves = new ArrayList<>();

    @Option(names = "--events", paramLabel = "FILE", description = "event calendar (FOMC decisions, CPI/PPI releases, "
            + "or date,type); repeatable")
    List<Path> events = new ArrayList<>();

    @Option(names = "--rules", defaultValue = "rules", paramLabel = "DIR", description = "rule files (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(names = "--strategies", defaultValue = "strategies", paramLabel = "DIR",
            description = "profiles (default: ${DEFAULT-VALUE})")
    Path strategies;

    @Option(names = "--rule-cache", defaultValue = "data/rule-cache", paramLabel = "DIR",
            description = "where compiled rule sets are kept between runs, as the service keeps them "
                    + "(default: ${DEFAULT-VALUE}; classes read back are verified again)")
    Path ruleCache;

    @Option(names = "--no-rule-cache", description = "compile the rules from their sources, reading and writing no cache")
    boolean noRuleCache;

    /** The market history and the compiled rules, loaded side by side (one reads CSV files, the other compiles). */
    record Loaded(MarketHistory history, CompiledRuleSet ruleSet) {
    }

    Loaded historyAndRules() {
        var history = java.util.concurrent.CompletableFuture.supplyAsync(this::history);
        CompiledRuleSet ruleSet;
        try {
            ruleSet = ruleSet();
        } catch (RuntimeException e) {
            history.cancel(false);
            throw e;
        }
        try {
            return new Loaded(history.join(), ruleSet);
        } catch (java.util.concurrent.CompletionException e) {
            // a bad row keeps its one-line message naming the file and line
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    MarketHistory history() {
        return MarketHistory.load(spx, vix, vix3m, curves, events);
    }

    CompiledRuleSet ruleSet() {
        return BacktestCli.compile(rules, noRuleCache ? java.util.Optional.empty() : java.util.Optional.of(ruleCache));
    }

    ProfileCatalog.LoadedProfile profile(String name) {
        return ProfileCatalog.load(strategies, ProfileCatalog.empty()).find(name)
                .orElseThrow(() -> new IllegalArgumentException("no profile '" + name + "' in " + strategies));
    }
}

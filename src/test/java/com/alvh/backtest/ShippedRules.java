package com.alvh.backtest;

import java.nio.file.Path;
import java.time.Clock;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.SourceFiles;
import com.alvh.strategy.ProfileCatalog;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;

/** The shipped rules and the balanced profile, compiled once for all backtest tests (a compile takes seconds). */
final class ShippedRules {

    static final CompiledRuleSet RULES;
    static final LoadedProfile BALANCED;

    static {
        try {
            RULES = new RuleSetCompiler(ShippedRules.class.getClassLoader(), Clock.systemUTC())
                    .compile(SourceFiles.drl(Path.of("rules"))).ruleSet();
            BALANCED = ProfileCatalog.load(Path.of("strategies"), ProfileCatalog.empty()).find("balanced").orElseThrow();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ShippedRules() {
    }
}

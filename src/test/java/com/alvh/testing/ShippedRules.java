package com.alvh.testing;

import java.nio.file.Path;
import java.time.Clock;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.SourceFiles;
import com.alvh.strategy.ProfileCatalog;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;

/** The shipped rules and profiles, compiled and loaded once for every plain-JUnit test (a compile takes seconds). */
public final class ShippedRules {

    public static final CompiledRuleSet RULES;
    public static final ProfileCatalog PROFILES;
    public static final LoadedProfile BALANCED;

    static {
        try {
            RuleSetCompiler.Result compiled = new RuleSetCompiler(ShippedRules.class.getClassLoader(), Clock.systemUTC())
                    .compile(SourceFiles.drl(Path.of("rules")));
            if (!compiled.valid()) {
                throw new IllegalStateException("shipped rules do not compile: " + compiled.errors());
            }
            RULES = compiled.ruleSet();
            PROFILES = ProfileCatalog.load(Path.of("strategies"), ProfileCatalog.empty());
            BALANCED = profile("balanced");
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ShippedRules() {
    }

    public static LoadedProfile profile(String name) {
        return PROFILES.find(name).orElseThrow(() -> new IllegalArgumentException("no shipped profile " + name));
    }
}

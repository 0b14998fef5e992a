package com.alvh.config;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** ALVH's own settings, prefix {@code alvh}; each is also settable by its environment variable (ALVH_...). */
@ConfigMapping(prefix = "alvh")
public interface AlvhConfig {

    /** Directory of {@code *.drl} rule files, watched and hot-reloaded (ALVH_RULES_DIR). */
    @WithDefault("rules")
    Path rulesDir();

    /** Directory of {@code *.yaml} strategy profiles, watched and hot-reloaded (ALVH_STRATEGIES_DIR). */
    @WithDefault("strategies")
    Path strategiesDir();

    /** Where the embedded default database lives (ALVH_DATA_DIR). */
    @WithDefault("data")
    Path dataDir();

    /** Most rule firings one evaluation may take before it is stopped as a runaway (a rule loop). */
    @WithDefault("10000")
    int firingLimit();

    /** How often the rule and profile directories are checked for changes. */
    @WithDefault("PT0.25S")
    Duration reloadPollInterval();
}

package com.alvh.console;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** One recorded decision, laid out for an auditor, with the outcome of a replay or chain check when asked. */
@TemplateData
record DecisionPage(String id, String asOf, String recordedAt, String profile, String profileVersion,
                    String ruleSetVersion, boolean dryRun, String caller, long seq, String hash, String prevHash,
                    List<Action> actions, String hedgeBefore, String hedgeAfter, List<Signal> signals,
                    List<Views.Pair> derived, List<Firing> firings, List<Views.SourceBlock> sources,
                    List<Views.Pair> profileValues, Replay replay, Check check) {

    @TemplateData
    record Action(String summary, List<Reason> reasons) {
    }

    @TemplateData
    record Reason(String rule, String signal, String text) {
    }

    @TemplateData
    record Signal(String name, boolean active, boolean available, String value, String threshold, String text,
                  String rule) {
    }

    @TemplateData
    record Firing(int seq, String rule, String file, List<String> matched) {
    }

    /** A replay's outcome: identical, or the fields that differ (recorded → replayed). */
    @TemplateData
    record Replay(boolean identical, List<Views.Pair> differences, String error) {
    }

    /** This record's place in the chain. */
    @TemplateData
    record Check(boolean valid, boolean hashValid, boolean linkValid) {
    }
}

package com.alvh.console;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** One rule-set version: its files and rules, its scenario gate and, for activation, what would change. */
@TemplateData
record RuleSetVersionPage(String version, boolean active, String activeVersion, boolean gatePassed,
                          List<String> gateFailures, List<File> files, List<String> changedFiles,
                          List<String> rulesAdded, List<String> rulesRemoved, boolean confirm) {

    @TemplateData
    record File(String name, List<String> rules, List<Views.SourceLine> lines) {
    }
}

package com.alvh.console;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** The rule-set versions page: versions, a chosen diff, activations and the last refused load. */
@TemplateData
record RuleSetsPage(List<Version> versions, List<Views.Option> versionChoices, List<Views.Option> againstChoices,
                    List<FileDiff> diff, String diffTitle, List<Activation> activations, LoadError lastError,
                    String notice) {

    @TemplateData
    record Version(String version, String shortVersion, String createdAt, String createdBy, String activatedAt,
                   String activatedBy, boolean active) {
    }

    @TemplateData
    record FileDiff(String file, String status, List<Row> rows) {
    }

    /** One side-by-side row; {@code kind} is same, removed, added or changed. */
    @TemplateData
    record Row(String kind, String oldLine, String oldText, String newLine, String newText) {
    }

    @TemplateData
    record Activation(String version, String at, String by) {
    }

    @TemplateData
    record LoadError(String at, List<Located> errors) {
    }

    /** A located error and the lines of the file it points at. */
    @TemplateData
    record Located(String file, int line, int column, String message, List<Views.SourceLine> lines) {
    }
}

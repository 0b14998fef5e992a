package com.alvh.console;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** A candidate rule file: the form, its located errors, the stored version and its impact. */
@TemplateData
record CandidatePage(List<Views.Option> files, String fileName, String source, String activeVersion,
                     List<Error> errors, List<Views.SourceLine> listing, String version, List<String> scenarioFailures,
                     String from, String to, Impact impact) {

    @TemplateData
    record Error(String file, int line, int column, String message) {
    }

    @TemplateData
    record Impact(int evaluated, int changed, int failed, List<Change> changes) {
    }

    @TemplateData
    record Change(String id, String asOf, String before, String after) {
    }
}

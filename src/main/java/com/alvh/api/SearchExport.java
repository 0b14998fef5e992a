package com.alvh.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.alvh.audit.StoredEvaluation;

/** CSV of an evaluation search: one row per record, one column per scalar field, lists joined with '|'. */
final class SearchExport {

    static final String[] HEADER = {"evaluationId", "asOf", "recordedAt", "profile", "profileVersion",
        "ruleSetVersion", "dryRun", "actions", "rulesFired", "seq", "hash"};

    private SearchExport() {
    }

    static void csv(Writer out, Consumer<Consumer<StoredEvaluation>> source) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        try {
            source.accept(e -> {
                var r = e.record();
                try {
                    printer.printRecord(r.evaluationId(), r.asOf(), e.recordedAt(), r.profileName(), r.profileVersion(),
                            r.ruleSetVersion(), r.dryRun(), String.join("|", r.actionTypes()),
                            String.join("|", r.rulesFired()), e.seq(), e.hash());
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
    }
}

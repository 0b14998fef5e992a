package com.alvh.console;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** The small value types the console templates read. */
final class Views {

    private Views() {
    }

    /** A name and a value already formatted for display. */
    @TemplateData
    record Pair(String name, String value) {
    }

    /** One line of a source listing; {@code mark} is "hl" (the fired rule), "err" (a load error) or "". */
    @TemplateData
    record SourceLine(int number, String text, String mark) {
    }

    /** A titled piece of source (a rule, or the lines around an error). */
    @TemplateData
    record SourceBlock(String title, String file, List<SourceLine> lines) {
    }

    /** An option of a select: value, label and whether it is chosen. */
    @TemplateData
    record Option(String value, String label, boolean selected) {

        static List<Option> of(List<String> values, String chosen) {
            return values.stream().map(v -> new Option(v, v, v.equals(chosen))).toList();
        }
    }
}

package com.alvh.console;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** The evaluation search page: the form as filled in, its choices, one page of results and the links around it. */
@TemplateData
record SearchPage(String from, String to, String caller, String limit, List<Views.Option> profiles,
                  List<Views.Option> rules, List<Views.Option> actions, List<Views.Option> dryRun, List<Row> rows,
                  long total, long first, long last, String prevUrl, String nextUrl, String csvUrl, String jsonlUrl,
                  String apiUrl, String error) {

    /** One evaluation in the result table. */
    @TemplateData
    record Row(String id, String asOf, String profile, String actions, String rules, boolean dryRun, String ruleSet,
               String caller) {
    }
}

package com.alvh.console;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** Audit health: readiness, records per day and, when asked, the verification of the whole chain. */
@TemplateData
record AuditPage(boolean ready, String ruleSetVersion, long profiles, List<Day> days, long shownRecords,
                 Verification verification) {

    @TemplateData
    record Day(String day, long records, int barPercent) {
    }

    @TemplateData
    record Verification(boolean valid, long records, String firstBad, long millis) {
    }
}

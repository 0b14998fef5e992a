package com.alvh.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's templates (src/main/resources/templates/console), checked against their data at build time. */
@CheckedTemplate(basePath = "console")
final class Pages {

    private Pages() {
    }

    static native TemplateInstance evaluations(SearchPage page);

    static native TemplateInstance evaluation(DecisionPage page);

    static native TemplateInstance rulesets(RuleSetsPage page);

    static native TemplateInstance ruleset(RuleSetVersionPage page);

    static native TemplateInstance profiles(ProfilesPage page);

    static native TemplateInstance candidates(CandidatePage page);

    static native TemplateInstance backtests(BacktestPage page);

    static native TemplateInstance audit(AuditPage page);
}

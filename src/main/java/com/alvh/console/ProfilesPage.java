package com.alvh.console;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** Profiles: every loaded profile, and one profile at a chosen version with its values, versions and a diff. */
@TemplateData
record ProfilesPage(List<Loaded> loaded, List<String> errors, String name, String version, boolean versionLoaded,
                    List<Views.Pair> values, List<Version> versions, List<Views.Option> versionChoices,
                    List<Views.Option> againstChoices, List<RuleSetsPage.Row> diff, String diffTitle) {

    @TemplateData
    record Loaded(String name, String version, String file) {
    }

    @TemplateData
    record Version(String version, String storedAt, boolean loaded) {
    }
}

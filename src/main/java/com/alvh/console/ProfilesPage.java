package com.alvh.console;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** Profiles: every loaded profile, and one profile at a chosen version with its values, versions and a diff. */
@TemplateData
record ProfilesPage(List<Loaded> loaded, List<String> errors, String name, String version, boolean versionLoaded,
                    List<Views.Pair> values, List<Version> versions, List<Views.Option> versionChoices,
                    List<Views.Option> againstChoices, List<RuleSetsPage.Row> diff, String diffTitle,
                    Activation activation) {

    /**
     * The activation part of the page: {@code confirm} asks before anything changes (serving names the version that
     * serves now), {@code done} reports one that happened, {@code refused} the scenarios a version failed.
     */
    @TemplateData
    record Activation(boolean confirm, String serving, String done, List<String> refused) {
        static final Activation NONE = new Activation(false, null, null, List.of());
    }

    @TemplateData
    record Loaded(String name, String version, String file) {
    }

    @TemplateData
    record Version(String version, String storedAt, boolean loaded, String activatedAt, String activatedBy) {
    }
}

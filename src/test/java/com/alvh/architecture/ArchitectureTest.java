package com.alvh.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.alvh.engine.RuleSessionRunner;
import com.alvh.engine.RuleSetCompiler;
import com.alvh.engine.RuleSetRegistry;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of conventions.md, checked on every build. */
@AnalyzeClasses(packages = "com.alvh", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainPackagesUseNoFramework = noClasses()
            .that().resideInAnyPackage("com.alvh.market..", "com.alvh.condor..", "com.alvh.hedge..", "com.alvh.strategy..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.quarkus..", "org.kie..",
                    "org.drools..", "jakarta.enterprise..", "jakarta.inject..", "com.fasterxml..")
            .because("the domain is plain Java that any front end or engine can use");

    @ArchTest
    static final ArchRule onlyTheEngineTouchesDrools = noClasses()
            .that().resideOutsideOfPackage("com.alvh.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
            .because("one package owns the rule engine, so it can be upgraded or replaced in one place");

    @ArchTest
    static final ArchRule domainDoesNotReachOutward = noClasses()
            .that().resideInAnyPackage("com.alvh.market..", "com.alvh.condor..", "com.alvh.hedge..", "com.alvh.strategy..")
            .should().dependOnClassesThat().resideInAnyPackage("com.alvh.api..", "com.alvh.evaluation..",
                    "com.alvh.audit..", "com.alvh.engine..")
            .because("the domain must not depend on the layers built on it");

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("com.alvh.(*)..").should().beFreeOfCycles()
            .because("each package builds on the ones below it, so any of them can be read and tested on its own");

    @ArchTest
    static final ArchRule resourcesHoldNoEngineOrSql = noClasses()
            .that().resideInAPackage("com.alvh.api..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .orShould().dependOnClassesThat().belongToAnyOf(RuleSetRegistry.class, RuleSetCompiler.class,
                    RuleSessionRunner.class)
            .because("resources call one service method and map the result; the engine's value types are fine");

    @ArchTest
    static final ArchRule evaluationKnowsNoLifecycle = noClasses()
            .that().resideInAPackage("com.alvh.evaluation..")
            .should().dependOnClassesThat().resideInAnyPackage("com.alvh.lifecycle..", "com.alvh.audit..", "com.alvh.api..")
            .because("an evaluation is a pure function of request, profile and rule set; versions, gates and records sit above it");
}

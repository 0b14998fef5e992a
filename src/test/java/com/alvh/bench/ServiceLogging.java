package com.alvh.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;

import io.quarkus.bootstrap.logging.InitialConfigurator;

/**
 * Gives a benchmark JVM the log levels the service runs with. With the Quarkus boot jars on the class path, JBoss
 * LogManager starts with Quarkus' initial configurator: every level enabled and records buffered until Quarkus
 * configures logging, which a benchmark never does. Drools then formats a TRACE message for every node it visits
 * and every rule it fires (issue 15 measured the bare session ten times slower). This does the part of Quarkus'
 * logging setup that matters for speed: the root level ({@code quarkus.log.level}, INFO by default) and the
 * {@code quarkus.log.category."...".level} entries of application.properties, and a console handler for what is
 * left; then it checks that Drools' DEBUG is off, and refuses to run the benchmark otherwise.
 */
final class ServiceLogging {

    private static final Pattern CATEGORY = Pattern.compile("quarkus\\.log\\.category\\.\"([^\"]+)\"\\.level");

    private ServiceLogging() {
    }

    static void configure() {
        if (!(java.util.logging.LogManager.getLogManager() instanceof org.jboss.logmanager.LogManager)) {
            throw new IllegalStateException("run with -Djava.util.logging.manager=org.jboss.logmanager.LogManager,"
                    + " as the service does");
        }
        Properties service = applicationProperties();
        LogContext context = LogContext.getLogContext();
        context.getLogger("").setLevel(java.util.logging.Level.parse(service.getProperty("quarkus.log.level", "INFO")));
        for (String key : service.stringPropertyNames()) {
            Matcher category = CATEGORY.matcher(key);
            if (category.matches()) {
                Logger logger = context.getLogger(category.group(1));
                logger.setLevel(java.util.logging.Level.parse(service.getProperty(key).trim()));
            }
        }
        InitialConfigurator.DELAYED_HANDLER.setHandlers(new Handler[] {InitialConfigurator.createDefaultHandler()});
        org.slf4j.Logger drools = org.slf4j.LoggerFactory.getLogger("org.drools.core.phreak.RuleExecutor");
        if (drools.isDebugEnabled()) {
            throw new IllegalStateException("Drools' DEBUG logging is enabled: the benchmark would measure logging");
        }
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = ServiceLogging.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}

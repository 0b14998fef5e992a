package com.alvh.backtest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Variant;

/**
 * Renders the self-contained HTML reports: a Qute template from the classpath (HTML-escaped values), the report's
 * data embedded as JSON, and ECharts read from its webjar and inlined, so the file opens offline with no request to
 * anywhere. A standalone Qute engine, because the command line renders reports without a running application.
 */
public final class ReportTemplates {

    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final Engine ENGINE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).strictRendering(true).build();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature(), true);
    private static volatile RawString echarts;

    private ReportTemplates() {
    }

    /** Renders the template at classpath {@code resource} with {@code data}; the template finds {@code echarts}. */
    public static String render(String resource, Map<String, Object> data) {
        var template = ENGINE.parse(read(resource), Variant.forContentType(Variant.TEXT_HTML), resource);
        var instance = template.data("echarts", echarts());
        data.forEach(instance::data);
        return instance.render();
    }

    /**
     * {@code value} as JSON for a {@code <script type="application/json">} block: every {@code <} escaped, so no
     * text in the data (a rule name, say) can close the block.
     */
    public static RawString json(Object value) {
        try {
            return new RawString(JSON.writeValueAsString(value).replace("<", "\\u003c"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report data is not serialisable: " + e.getMessage(), e);
        }
    }

    /** The minified ECharts of the webjar on the classpath, read once. */
    static RawString echarts() {
        if (echarts == null) {
            Properties webjar = new Properties();
            try (InputStream in = resource(WEBJAR)) {
                webjar.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String js = read("META-INF/resources/webjars/echarts/" + webjar.getProperty("version") + "/dist/echarts.min.js");
            echarts = new RawString(js.replace("</script", "<\\/script"));
        }
        return echarts;
    }

    private static String read(String path) {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader() == null ? null
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            in = ReportTemplates.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new IllegalStateException(path + " is not on the classpath (is the echarts webjar a dependency?)");
        }
        return in;
    }
}

package com.alvh.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Completes the OpenAPI document where annotations would repeat themselves: every operation lists the
 * problem+json answers the HTTP layer can give (docs/errors.md), and {@code evaluate} carries the shipped
 * request examples (examples/*.json, packaged under openapi/examples) and a recorded answer as its examples.
 * Registered with {@code mp.openapi.filter}; runs when the document is built.
 */
public class OpenApiDocument implements OASFilter {

    /** The shipped request examples, each answered 200 (checked by the suite). */
    public static final List<String> REQUEST_EXAMPLES = List.of("cpi-next-day", "calm-two-layers",
            "backwardation-near-put");
    static final String ANSWER_EXAMPLE = "openapi/answer-example.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            addProblems(path, method, op);
            if ("evaluate".equals(op.getOperationId())) {
                addEvaluationExamples(op);
            }
        }));
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        Map<String, String> problems = new LinkedHashMap<>();
        boolean hasBody = op.getRequestBody() != null;
        boolean hasInput = hasBody || (op.getParameters() != null && !op.getParameters().isEmpty());
        if (hasInput) {
            problems.put("400", "malformed body, invalid fields or parameters");
        }
        if (path.contains("{")) {
            problems.put("404", "nothing with that id");
        }
        problems.put("406", "the Accept header names no type this operation produces");
        if (hasBody) {
            problems.put("413", "body larger than quarkus.http.limits.max-body-size");
            problems.put("415", "body not declared application/json");
            problems.put("422", "well-formed but cannot be evaluated (e.g. unknown profile, missing input)");
        }
        problems.put("503", "not ready: no rule set or profile loaded yet");
        problems.forEach((code, description) -> {
            if (responses.getAPIResponse(code) == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(
                                        OASFactory.createSchema().ref("#/components/schemas/Problem")))));
            }
        });
    }

    private static void addEvaluationExamples(Operation op) {
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            MediaType body = op.getRequestBody().getContent().getMediaType("application/json");
            if (body != null) {
                for (String name : REQUEST_EXAMPLES) {
                    body.addExample(name, OASFactory.createExample().summary(name)
                            .value(read("openapi/examples/" + name + ".json")));
                }
            }
        }
        var ok = op.getResponses().getAPIResponse("200");
        if (ok != null && ok.getContent() != null) {
            MediaType answer = ok.getContent().getMediaType("application/json");
            if (answer != null && OpenApiDocument.class.getClassLoader().getResource(ANSWER_EXAMPLE) != null) {
                answer.addExample("cpi-next-day", OASFactory.createExample()
                        .summary("the answer to cpi-next-day: hold (the shipped balanced profile watches no macro event)").value(read(ANSWER_EXAMPLE)));
            }
        }
    }

    private static Object read(String resource) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing OpenAPI example " + resource);
            }
            return JSON.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

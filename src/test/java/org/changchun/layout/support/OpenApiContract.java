package org.changchun.layout.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own OpenAPI document, as clients and generators read it, and a check of real
 * answers against it: a documented status, a documented media type, a body that fits the schema.
 */
public final class OpenApiContract {

    /** One documented operation: its method, its path template and the document's description of it. */
    public record Operation(String method, String path, JsonNode description) {

        /** The documented parameters, path, query and header. */
        public List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            if (description.has("parameters")) {
                description.get("parameters").forEach(parameters::add);
            }
            return parameters;
        }

        /** The media types the documented request body may have; none without a body. */
        public List<String> bodyTypes() {
            List<String> types = new ArrayList<>();
            if (description.has("requestBody")) {
                types.addAll(description.get("requestBody").get("content").propertyNames());
            }
            return types;
        }

        public boolean needsSignIn() {
            return description.has("security");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode document;
    private final OpenApiInteractionValidator validator;

    private OpenApiContract(String document) {
        this.document = JSON.readTree(document);
        // a member the schema does not name is an error: it is how a misnamed member shows
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR).build())
                .build();
    }

    /** The whole document ({@code /v3/api-docs}: the plan API and OGC API together). */
    public static OpenApiContract of(Http http) {
        Http.Response response = http.get("/v3/api-docs");
        if (response.status() != 200) {
            throw new IllegalStateException("no OpenAPI document: " + response.status() + " " + response.body());
        }
        return new OpenApiContract(response.body());
    }

    public JsonNode document() {
        return document;
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        operation.getValue()));
            }
        }
        return operations;
    }

    /** The documented operation a request goes to, by its method and path (without the query). */
    public Optional<Operation> operationOf(String method, String path) {
        Operation best = null;
        int bestLiterals = -1;
        for (Operation operation : operations()) {
            if (!operation.method().equals(method)) {
                continue;
            }
            String[] template = operation.path().split("/", -1);
            String[] actual = path.split("/", -1);
            if (template.length != actual.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                if (template[i].startsWith("{") && template[i].endsWith("}")) {
                    matches = !actual[i].isEmpty();
                } else if (template[i].equals(actual[i])) {
                    literals++;
                } else {
                    matches = false;
                }
            }
            if (matches && literals > bestLiterals) {
                best = operation;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * What the document says is wrong with an answer: an undocumented status, media type or
     * header, or a body that does not fit the documented schema; empty when it is as documented.
     *
     * @param path the path asked for, without the query
     */
    public List<String> problems(String method, String path, Http.Response answer) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
        answer.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (!answer.contentType().isEmpty()) {
            response.withContentType(answer.contentType());
        }
        if (answer.bytes().length > 0) {
            response.withBody(answer.bytes());
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                problems.add(message.getKey() + ": " + message.getMessage());
            }
        }
        return problems;
    }
}

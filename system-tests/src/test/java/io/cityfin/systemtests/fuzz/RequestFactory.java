package io.cityfin.systemtests.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.cityfin.systemtests.fuzz.Contract.Endpoint;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * Builds valid requests from a contract (values by name from {@link Samples}, else from the schema) and mutated ones
 * ({@link Mutation}). Everything random comes from the {@link Random} it is given, so a seed reproduces a run.
 */
public final class RequestFactory {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Stands for a raw JSON text in a serialised tree until it is put in as it is. */
    private static final String MARKER = "@@fuzz-raw@@";

    private static final String MARKER_KEY = "@@fuzz-key@@";

    private final Samples samples;

    public RequestFactory(Samples samples) {
        this.samples = samples;
    }

    /**
     * A request the contract allows. {@code institution}: the caller's own institution (a SUBMITTER's), used for every
     * institution code; {@code null} for office staff.
     */
    public FuzzRequest valid(Endpoint endpoint, Random random, String institution) {
        Draft draft = draft(endpoint, random, institution);
        return draft.build(FuzzRequest.VALID, "", false);
    }

    /** The mutations that can change a request of {@code endpoint}. */
    public List<Mutation> applicable(Endpoint endpoint) {
        List<Mutation> list = new ArrayList<>();
        for (Mutation mutation : Mutation.values()) {
            if (applies(endpoint, mutation)) {
                list.add(mutation);
            }
        }
        return list;
    }

    static boolean applies(Endpoint endpoint, Mutation mutation) {
        List<Parameter> parameters = endpoint.parameters();
        return switch (mutation.target()) {
            case BODY -> endpoint.body() != null && switch (mutation) {
                // these write a date or a code where the body has one; elsewhere they would be a valid text
                case DATE_EDGE, DATE_MALFORMED -> hasMember(endpoint.body(), Set.of("date", "activeFrom", "activeTo"), 0);
                case UNKNOWN_INSTITUTION -> hasMember(endpoint.body(), Set.of("institutionCode"), 0);
                default -> true;
            };
            case WHOLE_BODY -> endpoint.body() != null;
            case PARAMETER -> parameters.stream().anyMatch(p -> targets(mutation, p));
            case HEADER -> switch (mutation) {
                case IF_MATCH_GARBAGE -> endpoint.method().equals("PUT");
                default -> parameters.stream().anyMatch(p -> p.getName().equalsIgnoreCase("Idempotency-Key"));
            };
        };
    }

    /** {@code mutation} applied to a valid request of {@code endpoint}; it must be {@linkplain #applicable applicable}. */
    public FuzzRequest mutate(Endpoint endpoint, Mutation mutation, Random random, String institution) {
        Draft draft = draft(endpoint, random, institution);
        String target = switch (mutation.target()) {
            case BODY -> mutateMember(draft, mutation, random);
            case WHOLE_BODY -> mutateBody(draft, mutation, random);
            case PARAMETER -> mutateParameter(draft, mutation, random);
            case HEADER -> mutateHeader(draft, mutation, random);
        };
        boolean mustRefuse = mutation.mustRefuse();
        String operation = endpoint.operation().getOperationId();
        if (mutation == Mutation.PARAMETER_UNKNOWN_INSTITUTION && operation.equals("putInstitution")
                && draft.parameters.get("code").text().matches("[0-9A-Z]{4,32}")) {
            mustRefuse = false; // registering a new institution under a well-formed code is what that PUT is for
        }
        if (mutation == Mutation.IF_MATCH_GARBAGE && !operation.equals("putReport") && !operation.equals("putInvestment")) {
            mustRefuse = false; // optimistic concurrency covers reports and records (issue #10), not the registry
        }
        if (mutation == Mutation.UNKNOWN_INSTITUTION && operation.contains("Investment")) {
            mustRefuse = true; // an investment of an insurer the registry does not know: UNKNOWN_INSTITUTION
        }
        return draft.build(mutation.name(), target, mustRefuse);
    }

    // ---- the valid request

    private Draft draft(Endpoint endpoint, Random random, String institution) {
        Draft draft = new Draft(endpoint);
        for (Parameter parameter : endpoint.parameters()) {
            boolean required = Boolean.TRUE.equals(parameter.getRequired())
                    || parameter.getName().equalsIgnoreCase("Idempotency-Key");
            if (!required && random.nextBoolean()) {
                continue;
            }
            draft.parameters.put(parameter.getName(), new Value(parameter, parameterValue(endpoint, parameter, random, institution)));
        }
        if (endpoint.body() != null) {
            JsonNode known = samples.body(endpoint.service(), endpoint.operation().getOperationId(), random);
            draft.json = known != null && random.nextInt(5) > 0 ? known
                    : generate(endpoint.service(), endpoint.body(), null, random, institution, 0);
            if (institution != null) {
                bindInstitution(draft.json, institution);
            }
        }
        return draft;
    }

    private String parameterValue(Endpoint endpoint, Parameter parameter, Random random, String institution) {
        String service = endpoint.service();
        String name = parameter.getName();
        Schema<?> schema = parameter.getSchema();
        String value = switch (name) {
            case "institutionCode", "code" -> institution != null ? institution : samples.pick(service, "institution", random);
            case "period" -> samples.pick(service, "path".equals(parameter.getIn()) ? "period" : "queryPeriod", random);
            case "region" -> samples.pick(service, "queryRegion", random);
            case "id" -> samples.pick(service, "integer".equals(type(schema)) ? "warningId" : "id", random);
            case "Idempotency-Key" -> UUID.randomUUID().toString();
            default -> samples.pick(service, name, random);
        };
        if (value != null) {
            return value;
        }
        return switch (type(schema)) {
            case "integer" -> "1";
            case "boolean" -> "true";
            default -> "uuid".equals(schema == null ? null : schema.getFormat()) ? UUID.randomUUID().toString() : "X";
        };
    }

    /** A JSON value for {@code schema}, named {@code name} in its object; values by name from the samples first. */
    JsonNode generate(String service, Schema<?> schema, String name, Random random, String institution, int depth) {
        String type = type(schema);
        if (name != null && !type.equals("object") && !type.equals("array")) {
            String sample = name.equals("institutionCode") && institution != null ? institution : samples.pick(service, name, random);
            if (sample != null) {
                return type.equals("number") || type.equals("integer") ? NODES.numberNode(new java.math.BigDecimal(sample))
                        : NODES.textNode(sample);
            }
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (schema.getProperties() != null && depth < 6) {
                    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                    for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                        if (required.contains(property.getKey()) || random.nextInt(3) > 0) {
                            if (!required.contains(property.getKey()) && Boolean.TRUE.equals(property.getValue().getNullable())
                                    && random.nextInt(3) == 0) {
                                object.putNull(property.getKey());
                            }
                            else {
                                object.set(property.getKey(), generate(service, property.getValue(), property.getKey(),
                                        random, institution, depth + 1));
                            }
                        }
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (name != null && samples.pick(service, name, random) != null) {
                    array.add(samples.pick(service, name, random));
                    return array;
                }
                int size = 1 + random.nextInt(2);
                for (int i = 0; i < size; i++) {
                    array.add(generate(service, schema.getItems(), null, random, institution, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(1 + random.nextInt(100));
            }
            case "number" -> {
                return NODES.numberNode(new java.math.BigDecimal(random.nextInt(100_000) + "." + random.nextInt(100)));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                if (schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty()) {
                    return NODES.textNode(String.valueOf(schema.getEnum().get(random.nextInt(schema.getEnum().size()))));
                }
                String format = schema == null ? null : schema.getFormat();
                if ("date".equals(format)) {
                    return NODES.textNode("2022-06-28");
                }
                if ("date-time".equals(format)) {
                    return NODES.textNode("2022-09-30T08:00:00Z");
                }
                if ("uuid".equals(format)) {
                    return NODES.textNode(UUID.randomUUID().toString());
                }
                if (schema != null && schema.getExample() != null) {
                    return NODES.textNode(String.valueOf(schema.getExample()));
                }
                return NODES.textNode("fuzz " + random.nextInt(1000));
            }
        }
    }

    private static void bindInstitution(JsonNode node, String institution) {
        if (node instanceof ObjectNode object && object.has("institutionCode") && object.get("institutionCode").isTextual()) {
            object.put("institutionCode", institution);
        }
    }

    // ---- mutations

    /** A member of the body somewhere: where it is, the node, its schema (if known) and how to replace it. */
    private record Location(String pointer, JsonNode node, Schema<?> schema, JsonNode parent, String member, int index) {

        void replace(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(member, value);
            }
            else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static List<Location> locations(JsonNode root, Schema<?> schema) {
        List<Location> found = new ArrayList<>();
        collect(root, schema, "", found);
        return found;
    }

    private static void collect(JsonNode node, Schema<?> schema, String pointer, List<Location> found) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Schema<?> child = schema == null || schema.getProperties() == null ? null : schema.getProperties().get(field.getKey());
                String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                found.add(new Location(at, field.getValue(), child, object, field.getKey(), -1));
                collect(field.getValue(), child, at, found);
            }
        }
        else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                Schema<?> child = schema == null ? null : schema.getItems();
                found.add(new Location(pointer + "/" + i, array.get(i), child, array, null, i));
                collect(array.get(i), child, pointer + "/" + i, found);
            }
        }
    }

    private static <T> T any(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private String mutateMember(Draft draft, Mutation mutation, Random random) {
        List<Location> all = locations(draft.json, draft.endpoint.body());
        List<Location> leaves = all.stream().filter(l -> !l.node().isContainerNode()).toList();
        List<ObjectNode> objects = new ArrayList<>();
        if (draft.json instanceof ObjectNode root) {
            objects.add(root);
        }
        all.stream().filter(l -> l.node() instanceof ObjectNode).forEach(l -> objects.add((ObjectNode) l.node()));
        switch (mutation) {
            case UNKNOWN_MEMBER -> {
                ObjectNode object = objects.isEmpty() ? null : any(objects, random);
                if (object == null) {
                    return wholeBody(draft, "{\"vaule\":2}");
                }
                String name = any(List.of("vaule", "Value", "extra", "__proto__", "institutionCode "), random);
                object.put(name, 2);
                return pointerOf(draft.json, object) + "/" + name;
            }
            case DUPLICATE_MEMBER -> {
                List<ObjectNode> nonEmpty = objects.stream().filter(o -> o.size() > 0).toList();
                if (nonEmpty.isEmpty()) {
                    return wholeBody(draft, "{\"a\":1,\"a\":2}");
                }
                ObjectNode object = any(nonEmpty, random);
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = any(names, random);
                JsonNode other = object.get(name).isNumber() ? NODES.numberNode(7) : NODES.textNode("duplicate");
                object.put(MARKER_KEY, MARKER);
                draft.raw = text(draft.json).replace("\"" + MARKER_KEY + "\":\"" + MARKER + "\"",
                        "\"" + name + "\":" + text(other));
                return pointerOf(draft.json, object) + "/" + name + " (twice)";
            }
            case MISSING_REQUIRED -> {
                List<Location> required = new ArrayList<>();
                for (Location location : all) {
                    if (location.member() != null && requiredIn(draft, location)) {
                        required.add(location);
                    }
                }
                if (required.isEmpty()) {
                    return wholeBody(draft, "{}");
                }
                Location location = any(required, random);
                ((ObjectNode) location.parent()).remove(location.member());
                return location.pointer();
            }
            default -> {
                // a leaf (or any member, when the body has no leaf of the kind the mutation wants) gets a raw value
                List<Location> candidates = switch (mutation) {
                    case HUGE_NUMBER, NAN_LIKE, NEGATIVE_ZERO, MANY_DECIMALS -> leaves.stream().filter(l -> l.node().isNumber()).toList();
                    case CONTROL_CHARACTER, OVERLONG_STRING -> leaves.stream().filter(l -> l.node().isTextual()).toList();
                    case UNKNOWN_INSTITUTION -> leaves.stream().filter(l -> "institutionCode".equals(l.member())).toList();
                    case DATE_EDGE, DATE_MALFORMED -> leaves.stream()
                        .filter(l -> l.member() != null && (l.member().equals("date") || l.member().startsWith("active")))
                        .toList();
                    default -> all;
                };
                if (candidates.isEmpty()) {
                    candidates = leaves.isEmpty() ? all : leaves;
                }
                if (candidates.isEmpty()) {
                    return wholeBody(draft, rawValue(mutation, null, random));
                }
                Location location = any(candidates, random);
                String raw = rawValue(mutation, location, random);
                if (location.node().isTextual() && raw.startsWith("\"") && NUMBER_MUTATIONS.contains(mutation)) {
                    // "NaN" or "1E+999999999" is a text like any other where a text goes: only a bare number is wrong there
                    raw = mutation.samples().stream().filter(value -> !value.startsWith("\"")).findFirst().orElse("1e999999999");
                }
                location.replace(NODES.textNode(MARKER));
                draft.raw = text(draft.json).replace("\"" + MARKER + "\"", raw);
                // the value too: a long body is cut in the report
                return location.pointer() + " = " + FuzzRequest.shorten(raw, 40);
            }
        }
    }

    private static boolean requiredIn(Draft draft, Location location) {
        // the schema of the parent object: found again by walking the locations (the root's is the body's)
        Schema<?> parentSchema = draft.endpoint.body();
        if (location.parent() != draft.json) {
            parentSchema = null;
            for (Location candidate : locations(draft.json, draft.endpoint.body())) {
                if (candidate.node() == location.parent()) {
                    parentSchema = candidate.schema();
                }
            }
        }
        return parentSchema != null && parentSchema.getRequired() != null && parentSchema.getRequired().contains(location.member());
    }

    /** The JSON text a body mutation writes in place of {@code location}'s value. */
    private static final java.util.Set<Mutation> NUMBER_MUTATIONS = java.util.EnumSet.of(Mutation.HUGE_NUMBER, Mutation.NAN_LIKE,
            Mutation.NEGATIVE_ZERO, Mutation.MANY_DECIMALS);

    static String rawValue(Mutation mutation, Location location, Random random) {
        return switch (mutation) {
            case WRONG_TYPE -> {
                JsonNode node = location == null ? null : location.node();
                if (node == null || node.isObject()) {
                    yield any(List.of("[]", "\"text\"", "1"), random);
                }
                if (node.isArray()) {
                    yield any(List.of("{}", "\"text\"", "1"), random);
                }
                // no value Jackson would coerce (a number for a text, a numeric text for a number)
                yield any(List.of("{}", "[]", "{\"value\":1}", "[1,2]"), random);
            }
            case NULL_VALUE -> "null";
            case CONTROL_CHARACTER -> {
                String base = location != null && location.node().isTextual() ? location.node().asText() : "text";
                String control = any(List.of("\\u0000", "\\u0001", "\\u0007", "\\u001b[31m", "\\u001f", "\\b", "\\n", "\\t"), random);
                int at = random.nextInt(base.length() + 1);
                yield "\"" + escape(base.substring(0, at)) + control + escape(base.substring(at)) + "\"";
            }
            case OVERLONG_STRING -> {
                Integer max = location == null || location.schema() == null ? null : location.schema().getMaxLength();
                yield "\"" + "长".repeat(max == null ? 5000 : max + 1) + "\"";
            }
            case DEEP_NESTING -> "[".repeat(2000) + "1" + "]".repeat(2000);
            case UNKNOWN_INSTITUTION -> any(List.of("\"ZZZZ0000UNKNOWN0000\"", "\"0000\"", "\"91361000demo\""), random);
            default -> any(mutation.samples(), random);
        };
    }

    private static String escape(String text) {
        String json = text(NODES.textNode(text));
        return json.substring(1, json.length() - 1);
    }

    private String mutateBody(Draft draft, Mutation mutation, Random random) {
        switch (mutation) {
            case EMPTY_BODY -> draft.raw = "";
            case MALFORMED_JSON -> {
                String text = text(draft.json);
                draft.raw = any(List.of(text.substring(0, Math.max(1, text.length() / 2)), text + "}", "{'lines': []}",
                        text.replaceFirst(":", "")), random);
            }
            case NOT_AN_OBJECT -> draft.raw = any(mutation.samples(), random);
            case WRONG_CONTENT_TYPE -> draft.contentType = any(mutation.samples(), random);
            default -> throw new IllegalArgumentException(mutation.name());
        }
        return mutation == Mutation.WRONG_CONTENT_TYPE ? "Content-Type: " + draft.contentType : "body";
    }

    private static String wholeBody(Draft draft, String raw) {
        draft.raw = raw;
        return "body";
    }

    private String mutateParameter(Draft draft, Mutation mutation, Random random) {
        List<Parameter> candidates = draft.endpoint.parameters().stream().filter(p -> targets(mutation, p)).toList();
        Parameter parameter = any(candidates, random);
        String name = parameter.getName();
        if (mutation == Mutation.MISSING_PARAMETER) {
            draft.parameters.remove(name);
            return name + " (left out)";
        }
        String current = draft.parameters.containsKey(name) ? draft.parameters.get(name).text()
                : parameterValue(draft.endpoint, parameter, random, null);
        String value = switch (mutation) {
            case PARAMETER_CONTROL_CHARACTER -> {
                String control = any(List.of("\u0000", "\u0001", "\u0007", "\u001b", "\u001f", "\n", "\r\n"), random);
                int at = random.nextInt(current.length() + 1);
                yield current.substring(0, at) + control + current.substring(at);
            }
            case PARAMETER_OVERLONG -> "9".repeat(1000);
            // a new, well-formed code registers an institution there: a fresh one, so that the codes the other
            // operations send as unknown stay unknown
            case PARAMETER_UNKNOWN_INSTITUTION -> draft.endpoint.operation().getOperationId().equals("putInstitution")
                    ? any(List.of("FUZZ" + (10_000_000 + random.nextInt(89_999_999)), "abc-def"), random)
                    : any(mutation.samples(), random);
            default -> any(mutation.samples(), random);
        };
        draft.parameters.put(name, new Value(parameter, value));
        return name + "=" + FuzzRequest.shorten(value, 40);
    }

    private String mutateHeader(Draft draft, Mutation mutation, Random random) {
        switch (mutation) {
            case IF_MATCH_GARBAGE -> {
                String value = any(mutation.samples(), random);
                draft.headers.put("If-Match", value);
                return "If-Match: " + value;
            }
            case MISSING_IDEMPOTENCY_KEY -> {
                draft.parameters.remove("Idempotency-Key");
                return "Idempotency-Key (left out)";
            }
            case OVERLONG_IDEMPOTENCY_KEY -> {
                Parameter header = draft.endpoint.parameters().stream()
                    .filter(p -> p.getName().equalsIgnoreCase("Idempotency-Key")).findFirst().orElseThrow();
                draft.parameters.put(header.getName(), new Value(header, "k".repeat(256 + random.nextInt(100))));
                return "Idempotency-Key: 256+ characters";
            }
            default -> throw new IllegalArgumentException(mutation.name());
        }
    }

    private static String pointerOf(JsonNode root, JsonNode target) {
        if (root == target) {
            return "";
        }
        for (Location location : locations(root, null)) {
            if (location.node() == target) {
                return location.pointer();
            }
        }
        return "?";
    }

    static String type(Schema<?> schema) {
        if (schema == null) {
            return "string";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "string";
    }

    private static boolean hasMember(Schema<?> schema, Set<String> names, int depth) {
        if (schema == null || depth > 6) {
            return false;
        }
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                if (names.contains(property.getKey()) || hasMember(property.getValue(), names, depth + 1)) {
                    return true;
                }
            }
        }
        return hasMember(schema.getItems(), names, depth + 1);
    }

    /** Whether a parameter mutation can change {@code parameter}: path and query parameters (headers have their own). */
    private static boolean targets(Mutation mutation, Parameter p) {
        if (!"path".equals(p.getIn()) && !"query".equals(p.getIn())) {
            return false;
        }
        return switch (mutation) {
            case PERIOD_BEFORE_1990, PERIOD_IN_FUTURE, PERIOD_MALFORMED -> p.getName().equals("period");
            case PARAMETER_WRONG_TYPE, PARAMETER_HUGE_NUMBER -> isNumberOrFlag(p);
            case PARAMETER_UNKNOWN_INSTITUTION -> isInstitution(p);
            case INVALID_UUID -> isUuid(p);
            case MISSING_PARAMETER -> Boolean.TRUE.equals(p.getRequired()) && "query".equals(p.getIn());
            default -> true;
        };
    }

    private static boolean isNumberOrFlag(Parameter parameter) {
        String type = type(parameter.getSchema());
        return type.equals("integer") || type.equals("number") || type.equals("boolean");
    }

    private static boolean isInstitution(Parameter parameter) {
        return parameter.getName().equals("institutionCode") || parameter.getName().equals("code");
    }

    private static boolean isUuid(Parameter parameter) {
        return parameter.getName().equals("id") && type(parameter.getSchema()).equals("string");
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A percent-encoding of every byte but the unreserved ones (RFC 3986), so a NUL goes out as {@code %00}. */
    static String encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                out.write(c);
            }
            else {
                byte[] escape = String.format("%%%02X", b & 0xff).getBytes(StandardCharsets.US_ASCII);
                out.write(escape, 0, escape.length);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private record Value(Parameter parameter, String text) {
    }

    /** A request being built: parameters by name, the body as a tree (or raw text once a mutation wrote it). */
    private static final class Draft {

        final Endpoint endpoint;

        final Map<String, Value> parameters = new LinkedHashMap<>();

        final Map<String, String> headers = new LinkedHashMap<>();

        JsonNode json;

        String raw;

        String contentType;

        Draft(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        FuzzRequest build(String mutation, String target, boolean mustRefuse) {
            String path = endpoint.path();
            List<String> query = new ArrayList<>();
            Map<String, String> headers = new LinkedHashMap<>(this.headers);
            for (Value value : parameters.values()) {
                String name = value.parameter().getName();
                switch (value.parameter().getIn()) {
                    case "path" -> path = path.replace("{" + name + "}", encode(value.text()));
                    case "query" -> query.add(encode(name) + "=" + encode(value.text()));
                    case "header" -> headers.put(name, value.text());
                    default -> throw new IllegalStateException("parameter in " + value.parameter().getIn());
                }
            }
            // a path parameter left out (never by a mutation, which leaves path parameters in) would be a bug here
            if (path.contains("{")) {
                throw new IllegalStateException("no value for a path parameter of " + endpoint + ": " + path);
            }
            byte[] body = null;
            String type = null;
            if (endpoint.body() != null) {
                body = (raw != null ? raw : text(json)).getBytes(StandardCharsets.UTF_8);
                type = contentType != null ? contentType : "application/json";
            }
            return new FuzzRequest(endpoint, mutation, target, mustRefuse, path, String.join("&", query), headers, type, body);
        }
    }
}

package io.cityfin.systemtests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cityfin.systemtests.fuzz.Contract.Endpoint;

/**
 * The generator without a platform, on the contracts in the source tree that stand alone (reporting.yaml,
 * investments.yaml, gateway.yaml): Atlassian's request validator finds its valid requests valid and the mutated ones
 * not, where the contract can tell.
 */
class RequestFactoryFuzzTest {

    private static final Path ROOT = Path.of(System.getProperty("cityfin.root", "..")).toAbsolutePath().normalize();

    private static final Contract REPORTING = load("credit", "reporting/src/main/openapi/reporting.yaml");

    private static final Contract INVESTMENTS = load("insurance", "insurance-service/src/main/openapi/investments.yaml");

    private static final Contract GATEWAY = load("gateway", "gateway/src/main/openapi/gateway.yaml");

    private static final RequestFactory FACTORY = new RequestFactory(Samples.defaults()
        .add("institution", "91361000DEMOBANK01").add("id", "6f1c3a52-8d07-4a53-9d7e-2a3c8c0c1b11")
        .add("warningId", "3").add("item", "DEPOSIT_BALANCE").add("indicator", "LOAN_INCREASE_YTD"));

    private static Contract load(String service, String file) {
        return Contract.load(service, ROOT.resolve(file).toString(), path -> true);
    }

    @Test
    void readsEveryOperationOfAContract() {
        assertThat(REPORTING.endpoints()).extracting(endpoint -> endpoint.operation().getOperationId())
            .containsExactlyInAnyOrder("getTargets", "putTargets", "getCatalogue", "listInstitutions", "getInstitution",
                    "putInstitution", "getReport", "putReport", "listReportVersions", "getReportVersion", "withdrawReport",
                    "getSubmissions", "listWarnings", "reviewWarning", "getIndicatorLineage", "listPublishedFigures",
                    "createPublishedFigure", "getPublishedFigure", "putPublishedFigure", "listPublishedFigureVersions");
        assertThat(GATEWAY.endpoints()).extracting(endpoint -> endpoint.operation().getOperationId())
            .containsExactlyInAnyOrder("issueApiKey", "listApiKeys", "revokeApiKey", "getBulletin", "issueBulletin",
                    "listIssuedBulletins", "getIssuedBulletinByNumber", "getIssuedBulletin", "listRegions");
        assertThat(GATEWAY.endpoints()).extracting(Endpoint::toString).contains(
                "gateway revokeApiKey (DELETE /api/v1/admin/api-keys/{id})",
                "gateway getBulletin (GET /api/v1/bulletins/{period})",
                "gateway getIssuedBulletinByNumber (GET /api/v1/bulletins/{period}/issues/{number})",
                "gateway listRegions (GET /api/v1/regions)");
        assertThatThrownBy(() -> Contract.load("x", ROOT.resolve("no-such.yaml").toString(), path -> true))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not read");
    }

    @Test
    void validRequestsAreValidByTheContract() {
        Random random = new Random(1);
        for (Contract contract : List.of(REPORTING, INVESTMENTS, GATEWAY)) {
            for (Endpoint endpoint : contract.endpoints()) {
                for (int i = 0; i < 5; i++) {
                    FuzzRequest request = FACTORY.valid(endpoint, random, i % 2 == 0 ? null : "91361000DEMOBANK01");
                    assertThat(errors(contract, request)).as(request.describe()).isEmpty();
                }
            }
        }
    }

    @Test
    void mutationsTheContractCanTellAreInvalidByIt() {
        Endpoint putReport = endpoint(REPORTING, "putReport");
        Endpoint issueKey = endpoint(GATEWAY, "issueApiKey");
        Endpoint indicators = endpoint(REPORTING, "getSubmissions");
        Random random = new Random(2);
        for (int i = 0; i < 20; i++) {
            assertThat(errors(REPORTING, FACTORY.mutate(putReport, Mutation.WRONG_TYPE, random, null)))
                .anyMatch(key -> key.startsWith("validation.request.body"));
            assertThat(errors(GATEWAY, FACTORY.mutate(issueKey, Mutation.MISSING_REQUIRED, random, null)))
                .anyMatch(key -> key.equals("validation.request.body.schema.required"));
            assertThat(errors(REPORTING, FACTORY.mutate(indicators, Mutation.MISSING_PARAMETER, random, null)))
                .contains("validation.request.parameter.query.missing");
            assertThat(errors(REPORTING, FACTORY.mutate(putReport, Mutation.EMPTY_BODY, random, null)))
                .contains("validation.request.body.missing");
        }
        // label has a maxLength of 200: one more character
        FuzzRequest overlong = null;
        for (int i = 0; overlong == null || !overlong.target().startsWith("/label = "); i++) {
            overlong = FACTORY.mutate(issueKey, Mutation.OVERLONG_STRING, random, null);
        }
        assertThat(errors(GATEWAY, overlong)).contains("validation.request.body.schema.maxLength");
        assertThat(text(overlong)).contains("长".repeat(201)).doesNotContain("长".repeat(202));
    }

    @Test
    void rawMutationsGoOutAsWritten() throws Exception {
        Endpoint putReport = endpoint(REPORTING, "putReport");
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) {
            FuzzRequest duplicate = FACTORY.mutate(putReport, Mutation.DUPLICATE_MEMBER, random, null);
            ObjectMapper strict = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            assertThatThrownBy(() -> strict.readTree(duplicate.body())).as(duplicate.describe())
                .hasMessageContaining("Duplicate field");
            new ObjectMapper().readTree(duplicate.body()); // otherwise well-formed

            FuzzRequest huge = FACTORY.mutate(putReport, Mutation.HUGE_NUMBER, random, null);
            assertThat(Mutation.HUGE_NUMBER.samples()).as(huge.describe())
                .anyMatch(token -> text(huge).matches("(?s).*[:\\[,]" + java.util.regex.Pattern.quote(token) + "[,}\\]].*"));

            FuzzRequest control = FACTORY.mutate(putReport, Mutation.CONTROL_CHARACTER, random, null);
            assertThat(texts(new ObjectMapper().readTree(control.body()))).as(control.describe())
                .anyMatch(text -> text.chars().anyMatch(c -> c < 0x20));

            FuzzRequest unknown = FACTORY.mutate(putReport, Mutation.UNKNOWN_MEMBER, random, null);
            assertThat(unknown.target()).matches(".*/(vaule|Value|extra|__proto__|institutionCode )");
            assertThat(new ObjectMapper().readTree(unknown.body()).at(unknown.target()).asInt()).isEqualTo(2);

            FuzzRequest deep = FACTORY.mutate(putReport, Mutation.DEEP_NESTING, random, null);
            assertThat(text(deep)).contains("[".repeat(2000) + "1" + "]".repeat(2000));
        }
    }

    @Test
    void parameterMutationsArePercentEncodedByteByByte() {
        Endpoint getReport = endpoint(REPORTING, "getReport");
        Random random = new Random(4);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            FuzzRequest request = FACTORY.mutate(getReport, Mutation.PARAMETER_CONTROL_CHARACTER, random, null);
            assertThat(request.path()).matches("/reports/[^/]+/[^/]+").containsPattern("%(0[0-9A-F]|1[0-9A-F])");
            paths.add(request.path());
        }
        assertThat(paths).anyMatch(path -> path.contains("%00"));
        assertThat(URLDecoder.decode("2022-09%00", StandardCharsets.UTF_8)).isEqualTo("2022-09\u0000");
        assertThat(RequestFactory.encode("年 /\u0000")).isEqualTo("%E5%B9%B4%20%2F%00");
        assertThat(FACTORY.applicable(endpoint(REPORTING, "getCatalogue"))).isEmpty();
        assertThat(FACTORY.applicable(endpoint(REPORTING, "putReport")))
            .contains(Mutation.IF_MATCH_GARBAGE, Mutation.PERIOD_BEFORE_1990, Mutation.DUPLICATE_MEMBER)
            .doesNotContain(Mutation.MISSING_IDEMPOTENCY_KEY, Mutation.INVALID_UUID);
        assertThat(FACTORY.applicable(endpoint(INVESTMENTS, "createInvestment"))).contains(Mutation.MISSING_IDEMPOTENCY_KEY);
        // a date or an institution code only where the body has one: elsewhere the text would be valid
        assertThat(FACTORY.applicable(endpoint(GATEWAY, "issueApiKey")))
            .contains(Mutation.UNKNOWN_INSTITUTION).doesNotContain(Mutation.DATE_EDGE, Mutation.DATE_MALFORMED);
        assertThat(FACTORY.applicable(endpoint(REPORTING, "putInstitution"))).contains(Mutation.DATE_MALFORMED);
    }

    @Test
    void aSeedReplaysTheSameRequests() {
        Endpoint putReport = endpoint(REPORTING, "putReport");
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (List<String> run : List.of(first, second)) {
            Random random = new Random(42);
            for (Mutation mutation : FACTORY.applicable(putReport)) {
                run.add(FACTORY.mutate(putReport, mutation, random, null).describe());
            }
        }
        assertThat(second).isEqualTo(first);
    }

    private static Endpoint endpoint(Contract contract, String operationId) {
        return contract.endpoints().stream().filter(e -> e.operation().getOperationId().equals(operationId)).findFirst()
            .orElseThrow();
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> texts.addAll(texts(child)));
        return texts;
    }

    private static String text(FuzzRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    /** The keys of the request errors Atlassian's validator finds in {@code request}. */
    private static List<String> errors(Contract contract, FuzzRequest request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(request.endpoint().method()),
                URLDecoder.decode(request.path(), StandardCharsets.UTF_8));
        if (!request.query().isEmpty()) {
            for (String pair : request.query().split("&")) {
                String[] parts = pair.split("=", 2);
                builder.withQueryParam(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        request.headers().forEach(builder::withHeader);
        builder.withAuthorization("Bearer cfk_test");
        if (request.body() != null && request.body().length > 0) {
            builder.withContentType(request.contentType()).withBody(request.body());
        }
        ValidationReport report = contract.validator().validateRequest(builder.build());
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .map(ValidationReport.Message::getKey).toList();
    }
}

package io.cityfin.gateway.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithPostgres;

/**
 * The office page on the real gateway (its database on PostgreSQL): the page, its assets and the ECharts file answer
 * without a key, each with a Content-Security-Policy that allows no inline script or style and nothing from another
 * origin, {@code nosniff} and {@code no-referrer}, in the right content type; every {@code /api/} path still needs a
 * key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "cityfin.gateway.keys.admin-api-key=" + OfficePageHeadersIT.ADMIN_KEY})
@AutoConfigureWebTestClient(timeout = "20s")
@WithPostgres
class OfficePageHeadersIT {

    static final String ADMIN_KEY = "cfk_office-headers-it-bootstrap-admin-key-00000";

    static final String ECHARTS = "/_static/echarts/6.0.0/dist/echarts.min.js";

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cityfin.identity.signing-key", TestIdentity::privateKey);
        registry.add("cityfin.identity.key-id", () -> TestIdentity.KEY_ID);
    }

    @Test
    void thePageAnswersAtTheRootWithoutAKeyWithItsSecurityHeaders() {
        String page = body(web.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML));

        assertThat(page).contains("<script type=\"module\" src=\"/assets/app.js\"></script>")
                .contains("src=\"" + ECHARTS + "\"");
        // no inline script, no inline style, no style attribute, nothing from another origin
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)", Pattern.CASE_INSENSITIVE).matcher(page).find()).isFalse();
        assertThat(page).doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase("style=")
                .doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContainIgnoringCase("localStorage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/assets/app.js", "/assets/app.css", ECHARTS, "/no-such-page"})
    void everyPageAnswerCarriesAContentSecurityPolicyWithoutUnsafeInline(String path) {
        EntityExchangeResult<byte[]> result = web.get().uri(path).accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                .expectBody().returnResult();

        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.get("Content-Security-Policy")).hasSize(1);
        String policy = headers.getFirst("Content-Security-Policy");
        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*")
                .contains("default-src 'none'").contains("script-src 'self'").contains("style-src 'self'")
                .contains("connect-src 'self'").contains("frame-ancestors 'none'").contains("base-uri 'none'");
        assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(headers.get("Referrer-Policy")).containsExactly("no-referrer");
    }

    @Test
    void theIndexHtmlIsThePageToo() {
        assertThat(body(web.get().uri("/index.html").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML))).contains("id=\"key-form\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/app.js", "/assets/api.js", "/assets/dom.js", "/assets/format.js", "/assets/i18n.js",
            "/assets/model.js", "/assets/views.js", ECHARTS})
    void scriptsLoadWithoutAKeyAsJavaScript(String path) {
        String script = body(web.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).matches("(text|application)/javascript.*")));

        assertThat(script).isNotBlank();
    }

    @Test
    void theStylesheetLoadsWithoutAKeyAsCss() {
        assertThat(body(web.get().uri("/assets/app.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css"))).contains(".cards");
    }

    @Test
    void thePagesOwnScriptsNeverWriteHtmlFromStrings() {
        for (String module : List.of("app.js", "api.js", "dom.js", "format.js", "i18n.js", "model.js", "views.js")) {
            String script = body(web.get().uri("/assets/" + module).exchange().expectStatus().isOk());
            assertThat(script).as(module).doesNotContain("innerHTML").doesNotContain("outerHTML")
                    .doesNotContain("insertAdjacentHTML").doesNotContain("document.write").doesNotContain("localStorage")
                    .doesNotContain("eval(").doesNotContain("setAttribute('style'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/indicators?period=2022-09", "/api/v1/credit/indicators?period=2022-09",
            "/api/v1/admin/api-keys", "/api/v1/bulletins/2022-09", "/api/v1/credit/published-figures"})
    void everyApiPathStillNeedsAKey(String path) {
        web.get().uri(path).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void aPageRequestWithAKeyIsStillThePage() {
        web.get().uri("/assets/app.css").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isOk();
        // a made-up key on the page is not looked up: the page needs none
        web.get().uri("/").accept(MediaType.TEXT_HTML).header(HttpHeaders.AUTHORIZATION, "Bearer cfk_" + "x".repeat(43)).exchange()
                .expectStatus().isOk();
    }

    private static String body(WebTestClient.ResponseSpec response) {
        byte[] bytes = response.expectBody().returnResult().getResponseBody();
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}

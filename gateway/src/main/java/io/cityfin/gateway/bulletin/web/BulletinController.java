package io.cityfin.gateway.bulletin.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.QueryParameters;
import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Role;
import io.cityfin.common.period.Period;
import io.cityfin.common.period.PeriodType;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.api.BulletinApi;
import io.cityfin.gateway.api.model.IssuedBulletinDto;
import io.cityfin.gateway.bulletin.BulletinFormat;
import io.cityfin.gateway.bulletin.BulletinService;
import io.cityfin.gateway.bulletin.IssuedBulletin;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/bulletins/{period}}: the live bulletin, issuing it, the issued one. Roles first (ANALYST and ADMIN
 * read, ADMIN issues), then the month and region as the consolidated endpoint checks them, then {@code Accept}: HTML
 * by default, PDF when asked, anything else 406. The HTML's own answer carries a CSP that allows its inline style and
 * nothing else, so the page may show it in a sandboxed frame or a new tab.
 */
@RestController
class BulletinController implements BulletinApi {

    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final AccessRule READERS = AccessRule.anyOf(Role.ADMIN, Role.ANALYST);

    private final BulletinService bulletins;
    private final Clock clock;

    BulletinController(BulletinService bulletins, Clock clock) {
        this.bulletins = bulletins;
        this.clock = clock;
    }

    @Override
    public Mono<ResponseEntity<Resource>> getBulletin(String period, @Nullable String region, ServerWebExchange exchange) {
        return Access.require(READERS).flatMap(caller -> {
            Period month = month(period);
            Region where = QueryParameters.region("region", region);
            BulletinFormat format = format(exchange);
            return bulletins.live(month, where, format).map(bytes -> answer(bytes, format, null));
        });
    }

    @Override
    public Mono<ResponseEntity<Resource>> getIssuedBulletin(String period, @Nullable String region, ServerWebExchange exchange) {
        return Access.require(READERS).flatMap(caller -> {
            Period month = month(period);
            Region where = QueryParameters.region("region", region);
            BulletinFormat format = format(exchange);
            return bulletins.issued(month, where, format)
                    .map(issued -> answer(format == BulletinFormat.PDF ? issued.pdf() : issued.html(), format, issued.number()));
        });
    }

    @Override
    public Mono<ResponseEntity<Resource>> getIssuedBulletinByNumber(String period, String number, @Nullable String region,
                                                                    ServerWebExchange exchange) {
        return Access.require(READERS).flatMap(caller -> {
            Period month = month(period);
            int which = number(number);
            Region where = QueryParameters.region("region", region);
            BulletinFormat format = format(exchange);
            return bulletins.issued(month, where, which, format)
                    .map(issued -> answer(format == BulletinFormat.PDF ? issued.pdf() : issued.html(), format, issued.number()));
        });
    }

    /** An issue's number: a whole number from 1 (at most 9 digits), else 400 {@code INVALID_NUMBER}. */
    private static int number(String number) {
        if (!number.matches("[1-9][0-9]{0,8}")) {
            throw new InvalidParameterException("number", "INVALID_NUMBER", "An issue's number is a whole number from 1, such as 2.");
        }
        return Integer.parseInt(number);
    }

    @Override
    public Mono<ResponseEntity<Flux<IssuedBulletinDto>>> listIssuedBulletins(String period, @Nullable String region,
                                                                            ServerWebExchange exchange) {
        return Access.require(READERS).map(caller -> {
            Period month = month(period);
            Region where = QueryParameters.region("region", region);
            return ResponseEntity.ok(bulletins.issues(month, where).map(BulletinController::toDto));
        });
    }

    @Override
    public Mono<ResponseEntity<IssuedBulletinDto>> issueBulletin(String period, @Nullable String region, ServerWebExchange exchange) {
        return Access.require(AccessRule.admin()).flatMap(caller -> {
            Period month = month(period);
            Region where = QueryParameters.region("region", region);
            return bulletins.issue(month, where, caller);
        }).map(issued -> ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/v1/bulletins/" + issued.period() + "/issued?region="
                        + URLEncoder.encode(issued.region().code(), StandardCharsets.UTF_8))
                .body(toDto(issued)));
    }

    /** A month the caller may ask about: a period as the consolidated endpoint checks it, of type month. */
    private Period month(String period) {
        Period parsed = QueryParameters.period("period", period, clock);
        if (parsed.type() != PeriodType.MONTH) {
            throw new InvalidParameterException("period", "PERIOD_NOT_MONTHLY",
                    "The bulletin is monthly: ask for a month such as 2022-09, not '" + period + "'.");
        }
        return parsed;
    }

    /**
     * The form {@code Accept} prefers: HTML for none, {@code *}{@code /*}, {@code text/*} or {@code text/html}; PDF for
     * {@code application/pdf} (or {@code application/*}); otherwise 406.
     */
    static BulletinFormat format(ServerWebExchange exchange) {
        List<String> accept = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.ACCEPT);
        if (accept.isEmpty()) {
            return BulletinFormat.HTML;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            throw new NotAcceptableStatusException(List.of(HTML, PDF));
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() <= 0) {
                continue;
            }
            if (type.includes(MediaType.TEXT_HTML)) {
                return BulletinFormat.HTML;
            }
            if (type.includes(PDF)) {
                return BulletinFormat.PDF;
            }
        }
        throw new NotAcceptableStatusException(List.of(HTML, PDF));
    }

    private static ResponseEntity<Resource> answer(byte[] bytes, BulletinFormat format, @Nullable Integer number) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(format == BulletinFormat.PDF ? PDF : HTML)
                .contentLength(bytes.length)
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.AUTHORIZATION);
        if (number != null) {
            answer.header("X-Bulletin-Number", number.toString());
        }
        return answer.body(new ByteArrayResource(bytes));
    }

    private static IssuedBulletinDto toDto(IssuedBulletin issued) {
        return new IssuedBulletinDto()
                .period(issued.period().toString())
                .region(issued.region().code())
                .number(issued.number())
                .issuedAt(issued.issuedAt().atOffset(ZoneOffset.UTC))
                .issuedBy(issued.issuedBy())
                .sha256Html(issued.sha256Html())
                .sha256Pdf(issued.sha256Pdf());
    }
}

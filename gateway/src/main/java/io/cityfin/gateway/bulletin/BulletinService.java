package io.cityfin.gateway.bulletin;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.IndicatorView;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.indicator.ConsolidatedIndicatorService;
import io.cityfin.gateway.indicator.ConsolidatedIndicators;
import io.cityfin.gateway.indicator.SourceStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bulletin's use cases: the live bulletin of a month (HTML or PDF), issuing it, and the issued one as sent. The
 * figures come from the consolidated indicators (same fan-out, kept answers and caller's view as
 * {@code GET /api/v1/indicators}); a section whose service has not completed the month steps back to its latest
 * complete month of the same year (at most 11 back).
 */
@Service
public class BulletinService {

    /** The indicator whose {@code complete} says whether a service's month is complete. */
    static final Map<String, String> HEADLINES = Map.of(
            "credit-service", "DEPOSIT_BALANCE",
            "insurance-service", "PREMIUM_TOTAL_YTD",
            "capital-market-service", "DIRECT_FINANCING_YTD",
            "platform-service", "PLATFORM_L1_COUNT",
            "risk-service", "GUARANTEE_OUTSTANDING_BALANCE");
    private static final Logger LOG = LoggerFactory.getLogger(BulletinService.class);
    private static final int MAX_STEPS_BACK = 11;
    private static final int COUNTY_CONCURRENCY = 4;

    private final ConsolidatedIndicatorService indicators;
    private final PublishedFigures publishedFigures;
    private final IssuedBulletins issued;
    private final BulletinPdf pdf;
    private final Clock clock;
    private final MeterRegistry meters;
    /** How long each service is waited for ({@code cityfin.gateway.bulletin.source-timeout}). */
    private final Duration sourceTimeout;

    public BulletinService(ConsolidatedIndicatorService indicators, PublishedFigures publishedFigures, IssuedBulletins issued,
                           BulletinPdf pdf, Clock clock, MeterRegistry meters, BulletinProperties properties) {
        this.indicators = indicators;
        this.publishedFigures = publishedFigures;
        this.issued = issued;
        this.pdf = pdf;
        this.clock = clock;
        this.meters = meters;
        this.sourceTimeout = properties.sourceTimeout();
    }

    /** The live bulletin, each figure changed since the latest issue marked revised. */
    public Mono<byte[]> live(Period period, Region region, BulletinFormat format) {
        Mono<Void> fontFirst = format == BulletinFormat.PDF ? pdf.checkFont() : Mono.empty();
        return fontFirst.then(IndicatorView.current())
                .flatMap(view -> issued.latestFigures(period, region).defaultIfEmpty(Map.of())
                        .flatMap(before -> data(period, region, view, before, null)))
                .map(BulletinComposer::compose)
                .flatMap(composed -> bytes(composed.html(), format))
                .doOnSuccess(bytes -> count(format, "live"))
                .doOnError(error -> count(format, "failed"));
    }

    /** Issues the month's bulletin: composes it (numbered), makes its PDF and stores both with the figures and sources. */
    public Mono<IssuedBulletin> issue(Period period, Region region, Caller caller) {
        return pdf.checkFont().then(IndicatorView.current())
                .flatMap(view -> issueOnce(period, region, caller, view)
                        // two ADMINs at once: the second takes the next number
                        .onErrorResume(BulletinNumberTakenException.class, taken -> issueOnce(period, region, caller, view)))
                .doOnSuccess(done -> count(BulletinFormat.HTML, "issued"))
                .doOnError(error -> count(BulletinFormat.HTML, "issue_failed"));
    }

    /** The latest issued bulletin, byte for byte as issued. */
    public Mono<IssuedBulletin> issued(Period period, Region region, BulletinFormat format) {
        return issued.latest(period, region)
                .switchIfEmpty(Mono.error(() -> new BulletinNotIssuedException(period.toString(), region.code())))
                .doOnSuccess(done -> count(format, "issued_read"));
    }

    /** The issue of that number for (period, region), as it was sent. */
    public Mono<IssuedBulletin> issued(Period period, Region region, int number, BulletinFormat format) {
        return issued.numbered(period, region, number)
                .switchIfEmpty(Mono.error(() -> new BulletinNotIssuedException(period.toString(), region.code(), number)))
                .doOnSuccess(done -> count(format, "issued_read"));
    }

    /** The issues of (period, region), newest first, without their bytes. */
    public Flux<IssuedBulletin> issues(Period period, Region region) {
        return issued.list(period, region);
    }

    private Mono<IssuedBulletin> issueOnce(Period period, Region region, Caller caller, IndicatorView view) {
        return issued.nextNumber(period, region)
                .flatMap(number -> data(period, region, view, Map.of(), number).flatMap(data -> {
                    ComposedBulletin composed = BulletinComposer.compose(data);
                    byte[] html = composed.html().getBytes(StandardCharsets.UTF_8);
                    return pdf.render(composed.html()).flatMap(pdfBytes -> {
                        // stored with PostgreSQL's microseconds: the 201 and every later read give the same time
                        IssuedBulletin bulletin = new IssuedBulletin(period, region, number, clock.instant().truncatedTo(ChronoUnit.MICROS), caller.subject(), html,
                                pdfBytes, sha256(html), sha256(pdfBytes), composed.figures(), data.sources());
                        return issued.save(bulletin).thenReturn(bulletin);
                    });
                }));
    }

    private Mono<byte[]> bytes(String html, BulletinFormat format) {
        return format == BulletinFormat.PDF ? pdf.render(html) : Mono.just(html.getBytes(StandardCharsets.UTF_8));
    }

    /** Gathers what the bulletin is written from. */
    Mono<BulletinData> data(Period period, Region region, IndicatorView view, Map<FigureKey, BigDecimal> before,
                            @Nullable Integer issueNumber) {
        Instant now = clock.instant();
        return indicators.indicators(period, region, view, sourceTimeout).flatMap(own -> sections(period, region, view, own).flatMap(sections -> {
            ServiceFigures credit = sections.get("credit-service");
            Mono<List<CountyFigures>> counties = region.isCity() && credit != null ? counties(credit.period(), view) : Mono.just(List.of());
            Mono<List<PublishedFigure>> published = Flux.fromIterable(BulletinComposer.SECTIONS.keySet())
                    .flatMapSequential(service -> publishedFigures.find(service, period, region, sourceTimeout))
                    .collectList();
            return Mono.zip(counties, published).map(parts -> new BulletinData(period, region, own.yearElapsedPct(),
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC), own.sources(), sections, parts.getT1(), parts.getT2(),
                    own.indicators(), before, issueNumber));
        }));
    }

    /**
     * Each available service's figures: of the bulletin's month when its headline is complete, else of the latest
     * complete earlier month of the same year, else of the bulletin's month, said to be incomplete. A service that gives
     * no figures for an earlier month (unavailable) is not stepped back past it: which month is complete is unknown.
     */
    private Mono<Map<String, ServiceFigures>> sections(Period period, Region region, IndicatorView view, ConsolidatedIndicators own) {
        Map<String, ServiceFigures> found = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        for (SourceStatus source : own.sources()) {
            if (source.status() == SourceStatus.Status.UNAVAILABLE) {
                continue;
            }
            List<IndicatorDto> its = of(own, source.service());
            if (complete(its, source.service())) {
                found.put(source.service(), new ServiceFigures(source.service(), period, false, true, its));
            } else {
                pending.add(source.service());
            }
        }
        if (pending.isEmpty()) {
            return Mono.just(found);
        }
        List<String> steppingBack = List.copyOf(pending);
        int back = Math.min(MAX_STEPS_BACK, period.lastDay().getMonthValue() - 1);
        // only the pending services are asked about each earlier month; one that does not answer there stops stepping
        // back (its month is then the bulletin's, said to be incomplete), so a hanging service costs one wait, not eleven
        return Flux.range(1, back)
                .map(steps -> Period.month(period.year(), period.lastDay().getMonthValue() - steps))
                .concatMap(earlier -> Flux.fromIterable(List.copyOf(pending))
                        .flatMapSequential(service -> indicators.indicatorsOf(service, earlier, region, view, sourceTimeout)
                                .map(its -> Map.entry(service, its)))
                        .collectList()
                        .map(answers -> {
                            for (Map.Entry<String, List<IndicatorDto>> answer : answers) {
                                String service = answer.getKey();
                                List<IndicatorDto> its = answer.getValue();
                                if (complete(its, service)) {
                                    found.put(service, new ServiceFigures(service, earlier, true, true, its));
                                    pending.remove(service);
                                } else if (its.isEmpty()) { // no figures for that month: whether it is complete is unknown
                                    pending.remove(service);
                                }
                            }
                            return pending.isEmpty();
                        }))
                .takeUntil(done -> done)
                .then(Mono.fromSupplier(() -> {
                    for (String service : steppingBack) {
                        found.putIfAbsent(service, new ServiceFigures(service, period, false, false, of(own, service)));
                    }
                    Map<String, ServiceFigures> ordered = new LinkedHashMap<>();
                    own.sources().forEach(source -> Optional.ofNullable(found.get(source.service()))
                            .ifPresent(figures -> ordered.put(source.service(), figures)));
                    return ordered;
                }));
    }

    /** Each county's credit indicators (a county the fan-out cannot answer is left out of the reading). */
    private Mono<List<CountyFigures>> counties(Period period, IndicatorView view) {
        return Flux.fromIterable(Region.counties())
                .flatMapSequential(county -> indicators.indicatorsOf("credit-service", period, county, view, sourceTimeout)
                        .map(credit -> new CountyFigures(county, credit))
                        .onErrorResume(error -> {
                            LOG.warn("County reading: {} not answered for {}: {}", county.code(), period, error.toString());
                            return Mono.empty();
                        }), COUNTY_CONCURRENCY)
                .collectList();
    }

    /**
     * A service's month is complete when its headline indicator says so; a record-based headline (no expected
     * institutions, {@code complete} null by the contract) is complete once it has a value.
     */
    static boolean complete(List<IndicatorDto> indicators, String service) {
        String headline = HEADLINES.get(service);
        if (headline == null) {
            return true;
        }
        return indicators.stream().filter(i -> headline.equals(i.getCode())).findFirst()
                .map(i -> Boolean.TRUE.equals(i.getComplete())
                        || (i.getComplete() == null && i.getExpectedInstitutions() == null && i.getValue() != null))
                .orElse(false);
    }

    private static List<IndicatorDto> of(ConsolidatedIndicators answer, String service) {
        return answer.indicators().stream().filter(i -> service.equals(i.getSource())).toList();
    }

    private void count(BulletinFormat format, String outcome) {
        Counter.builder("cityfin.bulletins").description("Bulletins served and issued, by format and outcome")
                .tag("format", format.name().toLowerCase()).tag("outcome", outcome).register(meters).increment();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

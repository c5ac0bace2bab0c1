package io.cityfin.risk.npl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.indicator.PublishedIndicators;
import io.cityfin.reporting.indicator.PublishedIndicatorsUnavailableException;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The NPL rules on a fake of credit's published indicators: the thresholds of the standard, and no figure → the rule fails. */
class NplRulesTest {

    private static final Period SEPTEMBER = Period.month(2022, 9);

    /** NPL_RATIO (value, changeSinceYearStart) by region code; every region not named: 1.20 and +0.05. */
    private final Map<String, BigDecimal[]> figures = new ConcurrentHashMap<>();
    private final Map<String, String> asked = new ConcurrentHashMap<>();
    private final PublishedIndicators credit = (service, query) -> {
        asked.put(query.region().code(), service);
        BigDecimal[] figure = figures.getOrDefault(query.region().code(), new BigDecimal[] {new BigDecimal("1.20"), new BigDecimal("0.05")});
        return Mono.just(List.of(indicator("NPL_BALANCE", BigDecimal.TEN, null), indicator("NPL_RATIO", figure[0], figure[1])));
    };
    private final CreditNplRatios ratios = new CreditNplRatios(credit);

    @Test
    void nplRatioHighColoursTheCityAndEachRegionAtTwoThreeAndFivePercent() {
        figures.put("361000", new BigDecimal[] {new BigDecimal("2.00"), BigDecimal.ZERO});
        figures.put("361002", new BigDecimal[] {new BigDecimal("3.10"), BigDecimal.ZERO});
        figures.put("361003", new BigDecimal[] {new BigDecimal("5.00"), BigDecimal.ZERO});
        figures.put("361090", new BigDecimal[] {new BigDecimal("1.99"), BigDecimal.ZERO});
        NplRatioHighRule rule = new NplRatioHighRule(ratios);

        List<Finding> findings = rule.evaluate(SEPTEMBER, rule.defaults()).block();

        assertThat(asked).as("the city and the 12 county-level regions, from credit").hasSize(13).containsValue("credit");
        assertThat(findings).extracting(Finding::subject, Finding::colour, Finding::region).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("361000", Colour.YELLOW, "361000"),
                org.assertj.core.groups.Tuple.tuple("361002", Colour.ORANGE, "361002"),
                org.assertj.core.groups.Tuple.tuple("361003", Colour.RED, "361003"));
        assertThat(findings).filteredOn(finding -> finding.subject().equals("361002")).singleElement().satisfies(finding -> {
            assertThat(finding.value()).isEqualByComparingTo("3.10");
            assertThat(finding.threshold()).isEqualByComparingTo("3.00");
            assertThat(finding.subjectName()).isEqualTo(Region.LINCHUAN.nameZh());
        });
    }

    @Test
    void nplRatioRiseColoursEachCountyRegionByItsChangeSinceTheYearStartInPoints() {
        figures.put("361000", new BigDecimal[] {new BigDecimal("1.50"), new BigDecimal("2.00")});
        figures.put("361021", new BigDecimal[] {new BigDecimal("1.50"), new BigDecimal("0.30")});
        figures.put("361022", new BigDecimal[] {new BigDecimal("1.50"), new BigDecimal("0.49")});
        figures.put("361023", new BigDecimal[] {new BigDecimal("1.50"), new BigDecimal("1.00")});
        figures.put("361024", new BigDecimal[] {new BigDecimal("1.50"), new BigDecimal("-0.80")});
        NplRatioRiseRule rule = new NplRatioRiseRule(ratios);

        List<Finding> findings = rule.evaluate(SEPTEMBER, rule.defaults()).block();

        assertThat(asked).as("county-level regions only").hasSize(12).doesNotContainKey("361000");
        assertThat(findings).extracting(Finding::subject, Finding::colour).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("361021", Colour.YELLOW),
                org.assertj.core.groups.Tuple.tuple("361022", Colour.YELLOW),
                org.assertj.core.groups.Tuple.tuple("361023", Colour.RED));
    }

    @Test
    void failsWhenCreditDoesNotAnswerOrGivesNoFigure() {
        NplRatioHighRule away = new NplRatioHighRule(new CreditNplRatios(PublishedIndicators.none()));
        StepVerifier.create(away.evaluate(SEPTEMBER, away.defaults())).expectError(PublishedIndicatorsUnavailableException.class).verify();

        figures.put("361025", new BigDecimal[] {null, null});
        NplRatioHighRule high = new NplRatioHighRule(ratios);
        StepVerifier.create(high.evaluate(SEPTEMBER, high.defaults())).expectError(PublishedIndicatorsUnavailableException.class).verify();
        NplRatioRiseRule rise = new NplRatioRiseRule(ratios);
        StepVerifier.create(rise.evaluate(SEPTEMBER, rise.defaults())).expectError(PublishedIndicatorsUnavailableException.class).verify();
    }

    @Test
    void failsOnAFigureNamingUnavailableInputs() {
        PublishedIndicators partial = (service, query) -> Mono.just(List.of(
                indicator("NPL_RATIO", null, null).inputsUnavailable(List.of("credit-service"))));
        NplRatioRiseRule rise = new NplRatioRiseRule(new CreditNplRatios(partial));
        StepVerifier.create(rise.evaluate(SEPTEMBER, rise.defaults())).expectError(PublishedIndicatorsUnavailableException.class).verify();
    }

    @Test
    void readsTheRegionsOneAfterTheOtherSoThatABreakerTryingCreditAgainLetsItsSingleTrialCallFinish() {
        // credit was down: the breaker of its published figures is half open and lets one trial call through; a call
        // made beside it is refused at once, and a refusal that cancelled the trial would keep the breaker from closing
        CircuitBreaker breaker = CircuitBreaker.of("published-credit", CircuitBreakerConfig.custom()
                .permittedNumberOfCallsInHalfOpenState(1).slidingWindowSize(10).minimumNumberOfCalls(6).build());
        breaker.transitionToOpenState();
        breaker.transitionToHalfOpenState();
        PublishedIndicators throughTheBreaker = (service, query) -> Mono.delay(Duration.ofMillis(20))
                .then(credit.indicators(service, query))
                .transformDeferred(CircuitBreakerOperator.of(breaker));
        NplRatioHighRule rule = new NplRatioHighRule(new CreditNplRatios(throughTheBreaker));

        StepVerifier.create(rule.evaluate(SEPTEMBER, rule.defaults())).assertNext(findings -> assertThat(findings).isEmpty())
                .verifyComplete();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(asked).hasSize(13);
    }

    private static IndicatorDto indicator(String code, @Nullable BigDecimal value, @Nullable BigDecimal change) {
        return new IndicatorDto().code(code).value(value).changeSinceYearStart(change).suppressed(false).source("credit-service");
    }
}

package io.cityfin.platform.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordContext;

/** Platform financing's own rules without the registry: every fault at once, the platform's key as writer, the claim. */
class PlatformFinancingTypeTest {

    private static final String PLATFORM = "91361002PF0000101N";
    /** 2022-10-10 00:30 in Asia/Shanghai, still 2022-10-09 in UTC. */
    private final Clock clock = Clock.fixed(Instant.parse("2022-10-09T16:30:00Z"), ZoneOffset.UTC);
    /** No registry: a malformed USCC is refused before any platform is looked up. */
    private final PlatformFinancingType type = new PlatformFinancingType(null, clock);

    @Test
    void refusesEveryFaultAtOnceWithItsPointer() {
        PlatformFinancing everythingWrong = new PlatformFinancing("91361002PF0000101M", "PPN", null, new BigDecimal("-1"),
                "2022-10-11", "2022-10-01", new BigDecimal("101"));

        List<FieldError> faults = type.faults(everythingWrong, RecordContext.NONE).block();

        assertThat(faults).extracting(FieldError::pointer, FieldError::code).containsExactly(
                tuple("/platform", "INVALID_USCC"),
                tuple("/instrument", "MARKET_INSTRUMENT_BELONGS_TO_CAPITAL_MARKET"),
                tuple("/amount", "AMOUNT_NOT_POSITIVE"),
                tuple("/issuedOn", "DATE_IN_FUTURE"),
                tuple("/couponPct", "COUPON_OUT_OF_RANGE"));
    }

    @Test
    void checksTheMaturityAgainstTheIssueDayTodayInAsiaShanghai() {
        PlatformFinancing maturingFirst = new PlatformFinancing("BAD", "BANK_LOAN", null, BigDecimal.ONE, "2022-10-10", "2022-10-09", null);

        assertThat(type.faults(maturingFirst, RecordContext.NONE).block()).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/platform", "INVALID_USCC"), tuple("/maturityOn", "MATURITY_BEFORE_ISSUE"));
    }

    @Test
    void letsStaffAndThePlatformsOwnKeyWriteAndNoOtherKey() {
        PlatformFinancing loan = new PlatformFinancing(PLATFORM, "BANK_LOAN", null, BigDecimal.TEN, "2022-03-01", null, null);

        assertThat(type.writer(loan).allows().test(new Caller("a", Set.of(Role.ANALYST), null))).isTrue();
        assertThat(type.writer(loan).allows().test(new Caller("p", Set.of(Role.SUBMITTER), PLATFORM))).isTrue();
        assertThat(type.writer(loan).allows().test(new Caller("o", Set.of(Role.SUBMITTER), "91361000PF00000027"))).isFalse();
        assertThat(type.writer(loan).allows().test(new Caller("r", Set.of(Role.PORTAL), null))).isFalse();
        assertThat(type.owner(loan)).isEqualTo(PLATFORM);
    }

    @Test
    void claimsASecurityCodeOnlyWhenThereIsOne() {
        assertThat(type.claims(new PlatformFinancing(PLATFORM, "TRUST", "XT-1", BigDecimal.TEN, "2022-03-01", null, null)))
                .singleElement().satisfies(claim -> {
                    assertThat(claim.value()).isEqualTo("XT-1");
                    assertThat(claim.code()).isEqualTo("SECURITY_CODE_TAKEN");
                    assertThat(claim.pointer()).isEqualTo("/securityCode");
                });
        assertThat(type.claims(new PlatformFinancing(PLATFORM, "BANK_LOAN", null, BigDecimal.TEN, "2022-03-01", null, null))).isEmpty();
    }
}

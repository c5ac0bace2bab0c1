package io.cityfin.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cityfin.common.problem.FieldError;

/** The registry's state at a day D and the rules that judge a history entry by another platform's state at its date. */
class PlatformTypeTest {

    static final String GROUP = "91361002MA3DF0008X";
    static final String SELF = "91361002MA3DF00091";
    static final Clock CLOCK = Clock.fixed(LocalDate.of(2022, 10, 8).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));

    private final PlatformType type = new PlatformType(CLOCK, null);

    static Platform platform(String tier, String region, Platform.Entry... history) {
        return new Platform("抚州测试平台有限公司", tier, region, Arrays.asList(history));
    }

    static Platform.Entry entry(String from, String status, String level, String parent) {
        return new Platform.Entry(from, status, level, parent);
    }

    @Test
    void aStatusEntryDatedDHoldsAtDItselfAndNotTheDayBefore() {
        Platform shell = platform("COUNTY", "361022", entry("2018-03-01", "ACTIVE", "L1", null), entry("2022-09-30", "SHELL", "L1", null));

        assertThat(shell.statusAt(LocalDate.of(2022, 9, 30))).isEqualTo("SHELL");
        assertThat(shell.statusAt(LocalDate.of(2022, 9, 29))).isEqualTo("ACTIVE");
        assertThat(shell.activeL1On(LocalDate.of(2022, 9, 30))).isFalse();
        assertThat(shell.activeL1On(LocalDate.of(2022, 9, 29))).isTrue();
        assertThat(shell.statusAt(LocalDate.of(2018, 2, 28))).isNull();
    }

    @Test
    void refusesAParentThatIsNotL1ActiveAtTheEntrysDateAndTakesOneThatIs() {
        // the group: L1 ACTIVE from 2016-05-01, a SHELL from 2021-01-01
        Platform group = platform("CITY", "361000", entry("2016-05-01", "ACTIVE", "L1", null), entry("2021-01-01", "SHELL", "L1", null));
        Map<String, Platform> registry = Map.of(GROUP, group);

        assertThat(type.faults(platform("COUNTY", "361002", entry("2020-12-31", "ACTIVE", "L2", GROUP)), SELF, registry::get)).isEmpty();
        assertThat(codes(type.faults(platform("COUNTY", "361002", entry("2021-01-01", "ACTIVE", "L2", GROUP)), SELF, registry::get)))
                .containsExactly("/history/0/parent PARENT_NOT_ACTIVE_L1");
        assertThat(codes(type.faults(platform("COUNTY", "361002", entry("2016-04-30", "ACTIVE", "L2", GROUP)), SELF, registry::get)))
                .containsExactly("/history/0/parent PARENT_NOT_ACTIVE_L1");
        // a later entry is judged at its own date: merged into the group once it was a shell already
        assertThat(codes(type.faults(platform("COUNTY", "361002", entry("2019-01-01", "ACTIVE", "L1", null),
                entry("2021-06-01", "MERGED", "L1", GROUP)), SELF, registry::get))).containsExactly("/history/1/parent PARENT_NOT_ACTIVE_L1");
        // an L2 parent is no parent either
        Platform l2 = platform("CITY", "361000", entry("2016-05-01", "ACTIVE", "L2", SELF));
        assertThat(codes(type.faults(platform("COUNTY", "361002", entry("2020-01-01", "ACTIVE", "L2", GROUP)), SELF, Map.of(GROUP, l2)::get)))
                .containsExactly("/history/0/parent PARENT_NOT_ACTIVE_L1");
    }

    @Test
    void followsTheTransitionTable() {
        assertThat(PlatformType.follows(entry("2020-01-01", "ACTIVE", "L1", null), null)).isTrue();
        assertThat(PlatformType.follows(entry("2020-01-01", "SHELL", "L1", null), null)).isTrue();
        assertThat(PlatformType.follows(entry("2020-01-01", "MERGED", "L1", GROUP), null)).isFalse();
        assertThat(PlatformType.follows(entry("2020-01-01", "DEREGISTERED", "L1", null), null)).isFalse();
        Platform.Entry active = entry("2019-01-01", "ACTIVE", "L1", null);
        assertThat(PlatformType.follows(entry("2020-01-01", "ACTIVE", "L1", null), active)).isFalse();
        assertThat(PlatformType.follows(entry("2020-01-01", "ACTIVE", "L2", GROUP), active)).isTrue();
        assertThat(PlatformType.follows(entry("2020-01-01", "SHELL", "L1", null), entry("2019-01-01", "SHELL", "L1", null))).isFalse();
        assertThat(PlatformType.follows(entry("2020-01-01", "MERGED", "L1", GROUP), entry("2019-01-01", "SHELL", "L1", null))).isTrue();
        assertThat(PlatformType.follows(entry("2020-01-01", "DEREGISTERED", "L1", null), entry("2019-01-01", "MERGED", "L1", GROUP))).isTrue();
        assertThat(PlatformType.follows(entry("2020-01-01", "ACTIVE", "L1", null), entry("2019-01-01", "DEREGISTERED", "L1", null))).isFalse();
        assertThat(PlatformType.follows(entry("2020-01-01", "SHELL", "L1", null), entry("2019-01-01", "MERGED", "L1", GROUP))).isFalse();
    }

    static List<String> codes(List<FieldError> faults) {
        return faults.stream().map(fault -> fault.pointer() + " " + fault.code()).toList();
    }
}

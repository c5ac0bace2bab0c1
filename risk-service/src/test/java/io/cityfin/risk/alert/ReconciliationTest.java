package io.cityfin.risk.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityfin.common.period.Period;

/**
 * The engine's reconciliation of a rule's findings with the alerts it raised before, on a fake rule's findings and an
 * in-memory store that applies the writes as the database adapter does (ids given, history appended).
 */
class ReconciliationTest {

    private static final Period SEPTEMBER = Period.month(2022, 9);
    private static final OffsetDateTime T0 = OffsetDateTime.of(2022, 10, 10, 2, 0, 0, 0, ZoneOffset.UTC);

    private final Store store = new Store();

    @Test
    void raisesAnOpenAlertAtEachColourWithItsThreshold() {
        List<AlertWrite> writes = store.evaluate(1, T0, finding("361002", "2.10", Colour.YELLOW, "2.00"),
                finding("361003", "3.40", Colour.ORANGE, "3.00"), finding("361021", "5.00", Colour.RED, "5.00"));

        assertThat(writes).extracting(AlertWrite::kind).containsOnly(AlertWrite.Kind.RAISED);
        assertThat(store.alerts).extracting(Alert::subject, Alert::colour, Alert::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("361002", Colour.YELLOW, AlertStatus.OPEN),
                        org.assertj.core.groups.Tuple.tuple("361003", Colour.ORANGE, AlertStatus.OPEN),
                        org.assertj.core.groups.Tuple.tuple("361021", Colour.RED, AlertStatus.OPEN));
        Alert red = store.alert("361021");
        assertThat(red.threshold()).isEqualByComparingTo("5.00");
        assertThat(red.value()).isEqualByComparingTo("5.00");
        assertThat(red.period()).isEqualTo(SEPTEMBER);
        assertThat(red.ruleVersion()).isEqualTo(1);
        assertThat(red.history()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(entry.colour()).isEqualTo(Colour.RED);
            assertThat(entry.by()).isEqualTo(Reconciliation.ENGINE);
        });
    }

    @Test
    void theSameFindingsAgainChangeNothing() {
        store.evaluate(1, T0, finding("361002", "2.10", Colour.YELLOW, "2.00"));

        assertThat(store.evaluate(1, T0.plusDays(1), finding("361002", "2.10", Colour.YELLOW, "2.00"))).isEmpty();
        assertThat(store.alerts).hasSize(1);
        assertThat(store.alert("361002").history()).hasSize(1);
        assertThat(store.alert("361002").changedAt()).isEqualTo(T0);
    }

    @Test
    void recoloursInPlaceWithAHistoryEntry() {
        store.evaluate(1, T0, finding("361002", "2.10", Colour.YELLOW, "2.00"));
        long id = store.alert("361002").id();

        List<AlertWrite> writes = store.evaluate(2, T0.plusDays(1), finding("361002", "3.20", Colour.ORANGE, "3.00"));

        assertThat(writes).extracting(AlertWrite::kind).containsExactly(AlertWrite.Kind.RECOLOURED);
        Alert alert = store.alert("361002");
        assertThat(store.alerts).hasSize(1);
        assertThat(alert.id()).isEqualTo(id);
        assertThat(alert.colour()).isEqualTo(Colour.ORANGE);
        assertThat(alert.value()).isEqualByComparingTo("3.20");
        assertThat(alert.threshold()).isEqualByComparingTo("3.00");
        assertThat(alert.ruleVersion()).isEqualTo(2);
        assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(alert.raisedAt()).isEqualTo(T0);
        assertThat(alert.history()).extracting(AlertChange::colour).containsExactly(Colour.YELLOW, Colour.ORANGE);
    }

    @Test
    void anAcknowledgedAlertKeepsItsStatusWhenRecoloured() {
        store.evaluate(1, T0, finding("361002", "2.10", Colour.YELLOW, "2.00"));
        store.setStatus("361002", AlertStatus.ACKNOWLEDGED);

        store.evaluate(1, T0.plusDays(1), finding("361002", "5.10", Colour.RED, "5.00"));

        assertThat(store.alert("361002").status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(store.alert("361002").colour()).isEqualTo(Colour.RED);
    }

    @Test
    void aValueChangeAtTheSameColourIsKeptWithoutAHistoryEntry() {
        store.evaluate(1, T0, finding("361002", "2.10", Colour.YELLOW, "2.00"));

        List<AlertWrite> writes = store.evaluate(1, T0.plusDays(1), finding("361002", "2.40", Colour.YELLOW, "2.00"));

        assertThat(writes).extracting(AlertWrite::kind).containsExactly(AlertWrite.Kind.UPDATED);
        assertThat(store.alert("361002").value()).isEqualByComparingTo("2.40");
        assertThat(store.alert("361002").history()).hasSize(1);
    }

    @Test
    void resolvesAnOpenAlertNoLongerFoundAndLeavesTheOthers() {
        store.evaluate(1, T0, finding("361002", "2.10", Colour.YELLOW, "2.00"), finding("361003", "3.40", Colour.ORANGE, "3.00"));

        List<AlertWrite> writes = store.evaluate(1, T0.plusDays(1), finding("361003", "3.40", Colour.ORANGE, "3.00"));

        assertThat(writes).extracting(AlertWrite::kind).containsExactly(AlertWrite.Kind.RESOLVED);
        assertThat(store.alert("361002").status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(store.alert("361002").history()).extracting(AlertChange::status).containsExactly(AlertStatus.OPEN, AlertStatus.RESOLVED);
        assertThat(store.alert("361003").status()).isEqualTo(AlertStatus.OPEN);
        assertThat(store.evaluate(1, T0.plusDays(2), finding("361003", "3.40", Colour.ORANGE, "3.00"))).as("resolved once").isEmpty();
    }

    @Test
    void reopensAResolvedAlertFoundAgainAsTheSameAlert() {
        store.evaluate(1, T0, finding("361002", "2.10", Colour.YELLOW, "2.00"));
        store.evaluate(1, T0.plusDays(1));
        long id = store.alert("361002").id();

        List<AlertWrite> writes = store.evaluate(1, T0.plusDays(2), finding("361002", "3.10", Colour.ORANGE, "3.00"));

        assertThat(writes).extracting(AlertWrite::kind).containsExactly(AlertWrite.Kind.REOPENED);
        assertThat(store.alerts).hasSize(1);
        assertThat(store.alert("361002").id()).isEqualTo(id);
        assertThat(store.alert("361002").status()).isEqualTo(AlertStatus.OPEN);
        assertThat(store.alert("361002").colour()).isEqualTo(Colour.ORANGE);
        assertThat(store.alert("361002").history()).extracting(AlertChange::status)
                .containsExactly(AlertStatus.OPEN, AlertStatus.RESOLVED, AlertStatus.OPEN);
    }

    @Test
    void neverReopensAClosedAlertForItsPeriod() {
        store.evaluate(1, T0, finding("361002", "2.10", Colour.YELLOW, "2.00"));
        store.setStatus("361002", AlertStatus.CLOSED);

        assertThat(store.evaluate(1, T0.plusDays(1), finding("361002", "5.10", Colour.RED, "5.00"))).isEmpty();
        assertThat(store.evaluate(1, T0.plusDays(2))).as("nor resolved").isEmpty();
        assertThat(store.evaluate(1, T0.plusDays(3), finding("361002", "5.10", Colour.RED, "5.00"))).isEmpty();
        assertThat(store.alert("361002").status()).isEqualTo(AlertStatus.CLOSED);
        assertThat(store.alert("361002").colour()).isEqualTo(Colour.YELLOW);
    }

    @Test
    void aSubjectFoundTwiceIsOneAlertAtTheHigherColour() {
        store.evaluate(1, T0, finding("P-1", "40", Colour.ORANGE, "30"), finding("P-1", "95", Colour.RED, "90"));

        assertThat(store.alerts).singleElement().satisfies(alert -> assertThat(alert.colour()).isEqualTo(Colour.RED));
    }

    private static Finding finding(String region, String value, Colour colour, String threshold) {
        return new Finding(region, "region " + region, region, new BigDecimal(value), colour, new BigDecimal(threshold));
    }

    /** The alerts of one rule and period as the database adapter keeps them. */
    private static final class Store {

        final List<Alert> alerts = new ArrayList<>();
        private long next = 1;

        List<AlertWrite> evaluate(int ruleVersion, OffsetDateTime at, Finding... findings) {
            List<AlertWrite> writes = Reconciliation.plan("TEST_RULE", ruleVersion, SEPTEMBER, List.copyOf(alerts), List.of(findings), at);
            writes.forEach(this::apply);
            return writes;
        }

        void setStatus(String subject, AlertStatus status) {
            Alert alert = alert(subject);
            Alert changed = alert.withStatus(status, alert.changedAt());
            apply(new AlertWrite(changed, new AlertChange(changed.changedAt(), "analyst", alert.colour(), status, alert.value(), "checked"),
                    AlertWrite.Kind.STATUS_SET));
        }

        Alert alert(String subject) {
            return alerts.stream().filter(alert -> alert.subject().equals(subject)).findFirst().orElseThrow();
        }

        private void apply(AlertWrite write) {
            Alert state = write.state();
            List<AlertChange> history = new ArrayList<>();
            long id = state.id();
            if (id == 0) {
                id = next++;
            } else {
                Alert before = alerts.stream().filter(alert -> alert.id() == state.id()).findFirst().orElseThrow();
                history.addAll(before.history());
                alerts.remove(before);
            }
            if (write.entry() != null) {
                history.add(write.entry());
            }
            alerts.add(new Alert(id, state.rule(), state.ruleVersion(), state.subject(), state.subjectName(), state.region(), state.period(),
                    state.colour(), state.value(), state.threshold(), state.status(), state.raisedAt(), state.changedAt(), history));
            alerts.sort(java.util.Comparator.comparingLong(Alert::id));
        }
    }
}

package io.cityfin.risk.publicity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.StaffRecordType;
import reactor.core.publisher.Mono;

/**
 * Publicity as records written by staff: every refusal of the standard; a city-wide record may carry 361000.
 */
public record PublicityType(Clock clock) implements StaffRecordType<Publicity> {

    public static final String COLLECTION = "publicity";
    public static final Set<String> KINDS = Set.of(Publicity.EVENT, Publicity.SMS_BATCH, "MEDIA");
    public static final Set<String> SETTINGS = Set.of("RURAL", "COMMUNITY", "GOVERNMENT", "ENTERPRISE", "CAMPUS", "ONLINE", "HOUSEHOLD");

    public static final String UNKNOWN_KIND = "UNKNOWN_KIND";
    public static final String UNKNOWN_SETTING = "UNKNOWN_SETTING";
    public static final String EVENT_WITHOUT_SETTING = "EVENT_WITHOUT_SETTING";
    public static final String SETTING_ON_OTHER_KIND = "SETTING_ON_OTHER_KIND";
    public static final String INVALID_COUNT = "INVALID_COUNT";
    public static final String SMS_BATCH_WITHOUT_SMS = "SMS_BATCH_WITHOUT_SMS";

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<Publicity> contentType() {
        return Publicity.class;
    }

    @Override
    public Mono<List<FieldError>> faults(Publicity content, RecordContext context) {
        List<FieldError> faults = new ArrayList<>();
        String kind = content.kind();
        boolean knownKind = RecordChecks.present(kind, "/kind", faults) && KINDS.contains(kind);
        if (kind != null && !kind.isBlank() && !knownKind) {
            faults.add(FieldError.atPointer("/kind", UNKNOWN_KIND, "A kind is EVENT, SMS_BATCH or MEDIA."));
        }
        String setting = content.setting();
        if (setting != null && !SETTINGS.contains(setting)) {
            faults.add(FieldError.atPointer("/setting", UNKNOWN_SETTING,
                    "A setting is RURAL, COMMUNITY, GOVERNMENT, ENTERPRISE, CAMPUS, ONLINE or HOUSEHOLD."));
        } else if (knownKind && content.isEvent() && setting == null) {
            faults.add(FieldError.atPointer("/setting", EVENT_WITHOUT_SETTING, "An EVENT names its setting (七进)."));
        } else if (knownKind && !content.isEvent() && setting != null) {
            faults.add(FieldError.atPointer("/setting", SETTING_ON_OTHER_KIND, "Only an EVENT has a setting."));
        }
        RecordChecks.actualDate(content.heldOn(), true, "/heldOn", clock, faults);
        RecordChecks.region(content.region(), true, "/region", faults);
        count(content.personsReached(), "/personsReached", faults);
        count(content.materialsDistributed(), "/materialsDistributed", faults);
        boolean sms = count(content.smsSent(), "/smsSent", faults);
        if (knownKind && Publicity.SMS_BATCH.equals(kind) && sms && (content.smsSent() == null || content.smsSent().signum() == 0)) {
            faults.add(FieldError.atPointer("/smsSent", SMS_BATCH_WITHOUT_SMS, "An SMS_BATCH sent at least one message."));
        }
        return Mono.just(faults);
    }

    @Override
    public @Nullable String region(Publicity content) {
        return content.region();
    }

    @Override
    public @Nullable LocalDate day(Publicity content) {
        return content.heldDay();
    }

    /** Absent, or a whole number 0 or more (INVALID_COUNT); answers whether it may be used. */
    private static boolean count(@Nullable BigDecimal count, String pointer, List<FieldError> faults) {
        if (count != null && (count.signum() < 0 || count.stripTrailingZeros().scale() > 0)) {
            faults.add(FieldError.atPointer(pointer, INVALID_COUNT, "A count is a whole number, 0 or more."));
            return false;
        }
        return true;
    }
}

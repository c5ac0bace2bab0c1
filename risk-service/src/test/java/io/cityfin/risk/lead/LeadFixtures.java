package io.cityfin.risk.lead;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordView;
import io.cityfin.reporting.test.TestRecords;

/** Leads as the rules and indicators see them, and lead bodies as the API takes them. */
public final class LeadFixtures {

    private LeadFixtures() {
    }

    /** A lead of {@code category} in 361002 with the steps given as status, day, status, day, …. */
    public static Lead lead(String category, boolean legacy, @Nullable String persons, @Nullable String amount, String... steps) {
        List<Lead.@Nullable Step> history = new ArrayList<>();
        for (int i = 0; i < steps.length; i += 2) {
            history.add(new Lead.Step(steps[i], steps[i + 1]));
        }
        return new Lead("SCREENING", null, category, "361002", legacy, new Lead.Subject("抚州测试咨询有限公司", null),
                persons == null ? null : new BigDecimal(persons), amount == null ? null : new BigDecimal(amount), true, null, history);
    }

    public static RecordView<Lead> view(Lead lead) {
        return TestRecords.view("leads", null, lead, null);
    }

    /** A lead body: {@code steps} as status, day, status, day, …; members given as raw JSON values. */
    public static String body(String category, String region, boolean legacy, String persons, String amount, String loss, String... steps) {
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < steps.length; i += 2) {
            history.append(i == 0 ? "" : ", ").append("{\"status\": \"").append(steps[i]).append("\", \"on\": \"").append(steps[i + 1]).append("\"}");
        }
        return "{\"source\": \"SCREENING\", \"sourceRef\": \"FZ-PC-0001\", \"category\": \"" + category + "\", \"region\": \"" + region
                + "\", \"legacy\": " + legacy + ", \"subject\": {\"name\": \"抚州测试咨询有限公司\", \"uscc\": null}, \"personsInvolved\": " + persons
                + ", \"amountInvolved\": " + amount + ", \"approximate\": true, \"lossRecovered\": " + loss + ", \"history\": [" + history + "]}";
    }

    /** A lending lead in 361002 with 10 persons and 1,000,000.00 involved. */
    public static String lending(String... steps) {
        return body("ILLEGAL_LENDING", "361002", false, "10", "1000000.00", "null", steps);
    }

    /** The body with one member replaced by a raw JSON value. */
    public static String with(String body, String member, String json) {
        String key = "\"" + member + "\": ";
        int at = body.indexOf(key);
        if (at < 0) {
            throw new IllegalArgumentException(member);
        }
        int start = at + key.length();
        int depth = 0;
        int end = start;
        boolean quoted = false;
        for (; end < body.length(); end++) {
            char c = body.charAt(end);
            if (c == '"' && body.charAt(end - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && (c == '{' || c == '[')) {
                depth++;
            } else if (!quoted && (c == '}' || c == ']')) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                break;
            }
        }
        return body.substring(0, start) + json + body.substring(end);
    }
}

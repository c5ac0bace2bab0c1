package io.cityfin.reporting.report;

import java.util.List;

import io.cityfin.common.problem.FieldError;

/**
 * A refusal rule a service adds to the standard ones (credit's parts not above the loan balance, insurance's claims
 * not above cover). It sees the lines that passed the line checks, with their positions for pointers.
 */
@FunctionalInterface
public interface ReportRule {

    List<FieldError> check(List<IndexedLine> lines);

    /** A checked line and its index in the request's {@code lines} array. */
    record IndexedLine(int index, ReportLine line) {

        public String pointer(String field) {
            return "/lines/" + index + "/" + field;
        }
    }
}

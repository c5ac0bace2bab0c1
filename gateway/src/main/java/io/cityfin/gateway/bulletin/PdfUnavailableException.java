package io.cityfin.gateway.bulletin;

import java.util.List;

import io.cityfin.common.problem.ProblemException;

/** 503: the PDF cannot be made here (the CJK font is missing): an outage of ours, not the caller's fault. */
public class PdfUnavailableException extends ProblemException {

    public PdfUnavailableException(String detail) {
        super(503, "Service unavailable", detail, List.of());
    }
}

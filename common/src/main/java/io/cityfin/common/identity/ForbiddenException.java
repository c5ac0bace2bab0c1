package io.cityfin.common.identity;

import java.util.List;

import io.cityfin.common.problem.ProblemException;

/** 403: an authenticated caller asking for something its role or institution does not allow. */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String detail) {
        super(403, "Forbidden", detail, List.of());
    }
}

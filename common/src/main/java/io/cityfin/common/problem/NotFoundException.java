package io.cityfin.common.problem;

import java.util.List;

/** 404: an unknown institution or record. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(404, "Not found", detail, List.of());
    }
}

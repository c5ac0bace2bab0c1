package io.cityfin.common.problem;

import java.util.List;

/** 412: an {@code If-Match} that names no current version of the resource; nothing was stored. */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String message) {
        super(412, "Precondition failed", message, List.of(FieldError.atParameter("If-Match", "VERSION_MISMATCH", message)));
    }

    /** The refusal when {@code latest} is the current version (0: there is none yet). */
    public static PreconditionFailedException ofLatest(int latest) {
        return new PreconditionFailedException(latest == 0
                ? "If-Match names a version, but there is none yet; send without If-Match to store the first."
                : "If-Match names no current version: the latest is version " + latest + " (ETag \"" + latest
                        + "\"); read it and send again.");
    }
}

package io.cityfin.risk.organisation.web;

import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.uscc.Uscc;

/** An organisation's code in a path is its USCC; anything else is a 400 naming {@code code}, as the registry answers. */
final class OrganisationCodes {

    private OrganisationCodes() {
    }

    static String checked(String code) {
        if (!Uscc.isValid(code)) {
            throw new InvalidParameterException("code", Uscc.INVALID_USCC, Uscc.RULE);
        }
        return code;
    }
}

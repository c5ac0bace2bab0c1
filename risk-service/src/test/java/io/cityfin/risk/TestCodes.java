package io.cityfin.risk;

import io.cityfin.common.uscc.Uscc;

/** Codes for test institutions that risk's registry takes: valid USCCs (its registry refuses anything else). */
public final class TestCodes {

    private TestCodes() {
    }

    /** The {@code n}th test organisation's USCC in {@code region} (county code), distinct for distinct {@code n}. */
    public static String uscc(String region, int n) {
        String first17 = "91" + region + "MAQ" + String.format("%06d", n % 1_000_000);
        return first17 + Uscc.checkCharacter(first17);
    }
}

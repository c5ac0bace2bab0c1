package io.cityfin.common.uscc;

import org.jspecify.annotations.Nullable;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from {@code 0-9 A-H J-N P-R T-U
 * W-Y} (no I, O, S, V, Z), the last a check character over the first 17 (weights 3^(i) mod 31, check = 31 − Σ mod 31).
 * Every enterprise, platform and local financial organisation is named by one.
 */
public final class Uscc {

    /** The code a refusal of a malformed or mis-checked USCC carries. */
    public static final String INVALID_USCC = "INVALID_USCC";
    /** What every refusal tells the caller. */
    public static final String RULE = "A USCC (统一社会信用代码) is 18 characters from 0-9 A-H J-N P-R T-U W-Y with a correct GB 32100-2015 check character.";

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** Whether {@code code} is a well-formed USCC with a correct check character. */
    public static boolean isValid(@Nullable String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        return code.charAt(17) == checkCharacter(sum);
    }

    /** The 18th character for the first 17 (which must be from the alphabet), as an issuer computes it. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("the check character is computed over 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is no USCC character");
            }
            sum += value * WEIGHTS[i];
        }
        return checkCharacter(sum);
    }

    private static char checkCharacter(int weightedSum) {
        int check = (31 - weightedSum % 31) % 31;
        return ALPHABET.charAt(check);
    }
}

package com.warden.app.files;

/**
 * Seed 000's claim put to the test for one diff: tokens (cl100k_base, jtokkit) of the whole new
 * version against tokens of the unified diff that turns the old version into it.
 */
public record TokenSavings(int fullTokens, int diffTokens) {

    /** Percent of the full version's tokens the diff saves; negative when the diff costs more. */
    public double savedPercent() {
        return fullTokens == 0 ? 0 : 100.0 * (fullTokens - diffTokens) / fullTokens;
    }
}

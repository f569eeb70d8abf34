package com.warden.app.sessions;

import com.warden.app.WardenException;

/**
 * How to build a prelude: a token budget (null = none) and how many recent decisions to add
 * as a "Recent Decisions:" section after seed 000's sections (0 = seed 000's format exactly).
 */
public record PreludeOptions(Integer budget, int decisions) {
    public static final int MAX_DECISIONS = 50;

    public PreludeOptions {
        if (budget != null && budget <= 0) {
            throw new WardenException("The token budget must be a positive number, not " + budget + ".",
                    "leave it out for no budget");
        }
        if (decisions < 0 || decisions > MAX_DECISIONS) {
            throw new WardenException("Decisions must be between 0 and " + MAX_DECISIONS + ", not " + decisions + ".");
        }
    }

    public static PreludeOptions defaults() {
        return new PreludeOptions(null, 0);
    }

    public PreludeOptions withBudget(Integer b) {
        return new PreludeOptions(b, decisions);
    }
}

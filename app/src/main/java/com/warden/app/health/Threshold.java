package com.warden.app.health;

import com.warden.app.WardenException;
import java.util.Locale;

/**
 * One editable limit: a value past {@code warning} warns, past {@code critical} is critical
 * ("past" meaning above or below, by {@code direction}). {@code critical} may be null: warn only.
 */
public record Threshold(String key, String label, String unit, Direction direction, double warning, Double critical) {

    public enum Direction { ABOVE, BELOW }

    public Threshold {
        if (!Double.isFinite(warning) || warning < 0) {
            throw new WardenException("Threshold " + key + ": the warning limit must be a number of 0 or more.",
                    "e.g. " + key + "=0.9");
        }
        if (critical != null) {
            if (!Double.isFinite(critical) || critical < 0) {
                throw new WardenException("Threshold " + key + ": the critical limit must be a number of 0 or more.", null);
            }
            if (direction == Direction.ABOVE && critical < warning) {
                throw new WardenException("Threshold " + key + ": critical (" + critical + ") must not be below warning ("
                        + warning + ").", "a value above " + key + " is bad, so critical is the larger limit");
            }
            if (direction == Direction.BELOW && critical > warning) {
                throw new WardenException("Threshold " + key + ": critical (" + critical + ") must not be above warning ("
                        + warning + ").", "a value below " + key + " is bad, so critical is the smaller limit");
            }
        }
        if ("ratio".equals(unit) && (warning > 1 || critical != null && critical > 1)) {
            throw new WardenException("Threshold " + key + " is a ratio: give it between 0 and 1.", "e.g. 0.99 for 99%");
        }
    }

    public CheckStatus judge(double value) {
        if (critical != null && past(value, critical)) {
            return CheckStatus.CRITICAL;
        }
        return past(value, warning) ? CheckStatus.WARNING : CheckStatus.OK;
    }

    private boolean past(double value, double limit) {
        return direction == Direction.ABOVE ? value > limit : value < limit;
    }

    public Threshold with(double newWarning, Double newCritical) {
        return new Threshold(key, label, unit, direction, newWarning, newCritical);
    }

    /** "warning above 50 ms, critical above 500 ms". */
    public String describe() {
        String word = direction == Direction.ABOVE ? "above " : "below ";
        String s = "warning " + word + format(warning);
        return critical == null ? s : s + ", critical " + word + format(critical);
    }

    public String format(double v) {
        return switch (unit) {
            case "ratio" -> trim(v * 100) + "%";
            case "" -> trim(v);
            default -> trim(v) + " " + unit;
        };
    }

    /** A limit as a person types it: no exponent, no trailing zeros (0.99, 50, 0.000001). */
    public static String trim(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new java.math.BigDecimal(Double.toString(v)).round(new java.math.MathContext(8)).stripTrailingZeros()
                .toPlainString();
    }
}

package com.warden.app.health;

import java.util.ArrayList;
import java.util.List;

/** What a check found, built up by the check and turned into a {@link CheckResult}. */
public final class Outcome {
    CheckStatus status = CheckStatus.OK;
    String value = "";
    String thresholdText = "";
    String thresholdKey;
    String hint = "";
    String partialReason;
    final List<String> details = new ArrayList<>();

    private Outcome(CheckStatus status, String value) {
        this.status = status;
        this.value = value;
    }

    public static Outcome of(CheckStatus status, String value) {
        return new Outcome(status, value);
    }

    public static Outcome ok(String value) {
        return new Outcome(CheckStatus.OK, value);
    }

    public static Outcome info(String value) {
        return new Outcome(CheckStatus.INFO, value);
    }

    public static Outcome skipped(String why) {
        return new Outcome(CheckStatus.SKIPPED, why);
    }

    /** The status from the threshold; the value as written. */
    public static Outcome judged(Threshold t, double measure, String value) {
        Outcome o = new Outcome(t.judge(measure), value);
        o.thresholdKey = t.key();
        o.thresholdText = t.describe();
        return o;
    }

    public Outcome threshold(Threshold t) {
        thresholdKey = t.key();
        thresholdText = t.describe();
        return this;
    }

    public Outcome status(CheckStatus s) {
        status = s;
        return this;
    }

    /** Raises the status to {@code s} when that is worse. */
    public Outcome atLeast(CheckStatus s) {
        status = status.worse(s);
        return this;
    }

    public Outcome value(String v) {
        value = v;
        return this;
    }

    public Outcome hint(String h) {
        hint = h;
        return this;
    }

    /** The hint, but only when the status is not OK (a fix for a healthy check is noise). */
    public Outcome hintUnlessOk(String h) {
        if (status != CheckStatus.OK && status != CheckStatus.INFO && status != CheckStatus.SKIPPED) {
            hint = h;
        }
        return this;
    }

    public Outcome detail(String line) {
        details.add(line);
        return this;
    }

    public Outcome partial(String reason) {
        partialReason = reason;
        return this;
    }

    public CheckStatus status() {
        return status;
    }
}

package com.warden.app.health;

import java.sql.SQLException;

/**
 * One check: a stable id, a title, a category, its weight in the score, whether it needs the
 * project schema, and what it does with a {@link CheckContext}.
 */
public record HealthCheck(String id, String title, String category, double weight, boolean projectOnly, Body body) {

    @FunctionalInterface
    public interface Body {
        Outcome evaluate(CheckContext context) throws SQLException;
    }

    static HealthCheck of(String id, String title, String category, double weight, Body body) {
        return new HealthCheck(id, title, category, weight, false, body);
    }

    static HealthCheck project(String id, String title, String category, double weight, Body body) {
        return new HealthCheck(id, title, category, weight, true, body);
    }

    CheckResult result(Outcome o) {
        return new CheckResult(id, title, category, o.status, o.value, o.thresholdText, o.thresholdKey, o.hint,
                o.partialReason != null, o.partialReason, o.details, weight);
    }
}

package com.warden.ui.health;

import java.util.List;

/**
 * One line of the check list, as the view shows it (the controller never sees the engine's types).
 *
 * @param status ok, warning, critical, info, skipped or error
 */
public record CheckRow(String id, String title, String category, String status, String value, String threshold,
                       String thresholdKey, String hint, boolean partial, String partialReason, List<String> details) {

    public boolean problem() {
        return "warning".equals(status) || "critical".equals(status) || "error".equals(status);
    }
}

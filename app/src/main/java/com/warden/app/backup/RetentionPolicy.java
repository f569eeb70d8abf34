package com.warden.app.backup;

import com.warden.app.WardenException;

/**
 * Keep the newest backup of each of the last {@code daily} days that have backups, and of each
 * of the last {@code weekly} ISO weeks; per source database and kind. The newest verified
 * backup of each source is always kept, whatever the numbers say.
 */
public record RetentionPolicy(int daily, int weekly) {
    public RetentionPolicy {
        if (daily < 0 || weekly < 0) {
            throw new WardenException("Retention counts cannot be negative.", "use 0 or more daily and weekly backups");
        }
        if (daily == 0 && weekly == 0) {
            throw new WardenException("A retention policy that keeps no daily and no weekly backup would delete everything.",
                    "keep at least one daily or one weekly backup");
        }
    }

    @Override
    public String toString() {
        return "keep " + daily + " daily, " + weekly + " weekly";
    }
}

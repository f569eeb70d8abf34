package com.warden.ui.backup;

import com.warden.app.backup.BackupService;
import com.warden.app.backup.PitrService;
import com.warden.app.backup.RestoreDrill;
import com.warden.app.backup.RestoreService;
import com.warden.app.backup.ToolLocator;
import com.warden.app.backup.WalScanner;
import com.warden.app.connect.ProfileResolver;

/** The engine's backup services, built once with plain constructors. */
public record BackupsServices(ToolLocator tools, ProfileResolver resolver) {

    public static BackupsServices system() {
        return new BackupsServices(ToolLocator.system(), ProfileResolver.system());
    }

    BackupService backups() {
        return new BackupService(tools, resolver);
    }

    RestoreService restores() {
        return new RestoreService(tools, resolver);
    }

    PitrService pitr() {
        return new PitrService(tools);
    }

    WalScanner scanner() {
        return new WalScanner(tools);
    }

    RestoreDrill drill() {
        return new RestoreDrill(tools, resolver);
    }
}

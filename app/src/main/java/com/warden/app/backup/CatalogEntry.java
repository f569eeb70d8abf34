package com.warden.app.backup;

import java.nio.file.Path;

/** One backup in the catalogue: its folder, its manifest, and its state with a reason. */
public record CatalogEntry(Path folder, BackupManifest manifest, BackupState state, String stateDetail) {

    public String id() {
        return manifest.id();
    }

    public Path payload() {
        return folder.resolve(manifest.payload());
    }
}

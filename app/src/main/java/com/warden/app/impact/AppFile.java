package com.warden.app.impact;

import java.util.UUID;

/** A file of an app, for pickers. */
public record AppFile(UUID id, String path, boolean binary) { }

package com.warden.app.impact;

import java.util.UUID;

/** An app of the project: what the pickers show and results name. */
public record AppInfo(UUID id, String name, String owner, long files, long references) { }

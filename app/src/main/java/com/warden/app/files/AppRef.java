package com.warden.app.files;

import java.util.UUID;

/** An app of the project: its id, name, owner's e-mail and how many files it has. */
public record AppRef(UUID id, String name, String owner, int files) { }

package com.warden.app.impact;

import java.util.UUID;

/** One reference among reached files, always in its true direction: src imports dest. */
public record ImpactEdge(UUID src, UUID dest, RefType type) { }

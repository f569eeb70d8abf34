package com.warden.app.latency;

import java.util.List;

/**
 * One latency probe, read from a SQL file: a name, the query with {@code :name} parameters, the
 * sampler query whose columns of the same names give real parameter values, and a threshold.
 *
 * @param id        the file name without .sql (a user file of the same name replaces a built-in one)
 * @param source    "built-in" or the file's path
 * @param requires  "core" when the probe needs the project schema, else empty
 */
public record Probe(String id, String name, String description, String query, String sampler, double thresholdMs,
                    String thresholdSource, String requires, String source) {

    public List<String> parameterNames() {
        return new NamedSql(query).parameterNames();
    }

    public boolean needsProject() {
        return "core".equalsIgnoreCase(requires);
    }

    public boolean hasSampler() {
        return sampler != null && !sampler.isBlank();
    }
}

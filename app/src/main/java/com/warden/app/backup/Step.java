package com.warden.app.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/** One timed step of a restore, a recovery or a drill. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Step(String name, Duration elapsed, boolean ok, String detail) {
    @JsonProperty("seconds")
    public double seconds() {
        return elapsed.toMillis() / 1000.0;
    }
}

package com.warden.app.latency;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Opens the probes' own connections. A named type so the desktop can hold one and hand it to
 * the monitor and the load drill without touching JDBC itself.
 */
@FunctionalInterface
public interface ProbeConnector extends Supplier<Connection> { }

package com.warden.app.connect;

/** Connections of one pool: in use, idle, total, and threads waiting for one. */
public record PoolStats(int active, int idle, int total, int waiting, int maximum) { }

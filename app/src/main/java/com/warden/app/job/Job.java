package com.warden.app.job;

/** A piece of long work: it reports progress through its context and stops when cancelled. */
@FunctionalInterface
public interface Job<T> {
    T run(JobContext context) throws Exception;
}

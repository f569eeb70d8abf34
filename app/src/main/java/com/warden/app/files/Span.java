package com.warden.app.files;

/** Characters [start, end) of a line's text that changed (word-level marks inside a changed line). */
public record Span(int start, int end) {
    public int length() {
        return end - start;
    }
}

package com.warden.app.files;

/**
 * One change: old lines [oldStart, oldEnd) replaced by new lines [newStart, newEnd), 0-based.
 * An empty old range is an insertion, an empty new range a deletion.
 */
public record DiffBlock(int oldStart, int oldEnd, int newStart, int newEnd) {
    public int removed() {
        return oldEnd - oldStart;
    }

    public int added() {
        return newEnd - newStart;
    }
}

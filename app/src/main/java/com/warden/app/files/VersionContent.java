package com.warden.app.files;

import java.nio.charset.StandardCharsets;

/** A version with its content: the text of a text version, the bytes of a binary one. */
public record VersionContent(FileVersion version, String text, byte[] bytes) {

    public boolean binary() {
        return text == null;
    }

    /** The bytes the version stands for: the stored bytes, or the UTF-8 of the text (what its digest covers). */
    public byte[] asBytes() {
        return text == null ? bytes : text.getBytes(StandardCharsets.UTF_8);
    }
}

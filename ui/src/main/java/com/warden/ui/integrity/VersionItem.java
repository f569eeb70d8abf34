package com.warden.ui.integrity;

/**
 * One version in the file history panel.
 *
 * @param concerned the finding is about this very version
 */
public record VersionItem(String id, String version, String digest, String size, String sha256, String written, String by,
                          boolean sound, boolean concerned) { }

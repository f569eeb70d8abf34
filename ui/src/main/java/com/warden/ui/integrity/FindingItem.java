package com.warden.ui.integrity;

/**
 * One finding as the screen shows it: every text ready, so the controller only binds.
 *
 * @param severity     "error", "warning" or "info"
 * @param severityRank 0 for errors, 1 warnings, 2 info (the tree's order)
 * @param check        the check group's title
 * @param expectedShort expected, with 64-digit digests cut to their first 12
 * @param hasFile      the finding names a file whose history can be opened
 */
public record FindingItem(String key, String severity, int severityRank, String check, String code, String title,
                          String where, String row, String expected, String found, String expectedShort, String foundShort,
                          String detail, String seenBy, boolean hasFile, boolean isNew, String rowId) { }

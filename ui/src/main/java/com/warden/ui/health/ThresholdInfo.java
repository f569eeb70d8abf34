package com.warden.ui.health;

/**
 * An editable threshold as the dialog shows it: the limits as typed text (ratios as fractions),
 * which way is bad, and whether the value is the user's own.
 */
public record ThresholdInfo(String key, String label, String unit, boolean aboveIsBad, String warning, String critical,
                            String defaults, boolean custom, String file) { }

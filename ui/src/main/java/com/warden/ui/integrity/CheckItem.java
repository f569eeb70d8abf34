package com.warden.ui.integrity;

/** One line of the Checks tab, texts ready. */
public record CheckItem(String title, String state, String rows, String content, String time, String speed, String findings,
                        String note) { }

package com.warden.app.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines as GNU diff sees them: separated by '\n' only, each keeping its terminator ("\r\n" or
 * "\n", none for a last line without a final newline). Keeping the terminator is what makes a
 * changed line ending or a missing final newline a real change that a patch reproduces.
 */
final class TextLines {
    private TextLines() { }

    static List<String> split(String text) {
        List<String> lines = new ArrayList<>(Math.max(16, text.length() / 40));
        int start = 0;
        int n = text.length();
        while (start < n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    /** The line without its terminator. */
    static String body(String line) {
        if (line.endsWith("\r\n")) {
            return line.substring(0, line.length() - 2);
        }
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    /** The comparison key when whitespace is ignored (diff -w): the line without any whitespace. */
    static String withoutWhitespace(String line) {
        StringBuilder s = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (s == null) {
                    s = new StringBuilder(line.length());
                    s.append(line, 0, i);
                }
            } else if (s != null) {
                s.append(c);
            }
        }
        return s == null ? line : s.toString();
    }
}

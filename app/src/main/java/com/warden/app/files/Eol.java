package com.warden.app.files;

/** How a line ends: with a newline, with CR LF, or not at all (the last line of a file without a final newline). */
public enum Eol {
    LF, CRLF, NONE;

    static Eol of(String line) {
        if (line.endsWith("\r\n")) {
            return CRLF;
        }
        return line.endsWith("\n") ? LF : NONE;
    }
}

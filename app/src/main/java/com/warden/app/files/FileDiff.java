package com.warden.app.files;

import com.warden.app.text.Tokens;
import java.util.List;
import java.util.UUID;

/**
 * Two versions of one file compared: a text diff, or for binary content (either side) a
 * comparison of size, digest and image format. {@code from} is null when the file is compared
 * with nothing (its first version against the empty file). Notes say what was assumed, e.g.
 * that the head pointer was broken and the highest version stood in for it. The unified text
 * and the token figures are computed on first use.
 */
public final class FileDiff {
    private final UUID fileId;
    private final String path;
    private final VersionContent from;
    private final VersionContent to;
    private final TextDiff text;
    private final List<String> notes;
    private volatile String unified;
    private volatile TokenSavings tokens;
    private volatile BinaryInfo[] infos;

    FileDiff(UUID fileId, String path, VersionContent from, VersionContent to, TextDiff text, List<String> notes) {
        this.fileId = fileId;
        this.path = path;
        this.from = from;
        this.to = to;
        this.text = text;
        this.notes = List.copyOf(notes);
    }

    /** Compares two contents; binary when either side is. */
    public static FileDiff compare(UUID fileId, String path, VersionContent from, VersionContent to, DiffOptions options,
                                   com.warden.app.job.JobContext job, List<String> notes) {
        boolean binary = to.binary() || from != null && from.binary();
        TextDiff text = binary ? null : TextDiffer.diff(from == null ? "" : from.text(), to.text(), options, job);
        return new FileDiff(fileId, path, from, to, text, notes);
    }

    /** The same versions with another context size: no new diff, only the unified view changes. */
    public FileDiff withContext(int context) {
        return text == null ? this : new FileDiff(fileId, path, from, to, text.withContext(context), notes);
    }

    /** The same diff with more notes after the ones it has. */
    public FileDiff withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        FileDiff copy = new FileDiff(fileId, path, from, to, text, all);
        copy.infos = infos;
        return copy;
    }

    public UUID fileId() {
        return fileId;
    }

    public String path() {
        return path;
    }

    public VersionContent from() {
        return from;
    }

    public VersionContent to() {
        return to;
    }

    public boolean binary() {
        return text == null;
    }

    /** The line diff; null for a binary comparison. */
    public TextDiff text() {
        return text;
    }

    public List<String> notes() {
        return notes;
    }

    public String fromLabel() {
        return from == null ? "(empty)" : from.version().label();
    }

    public String toLabel() {
        return to.version().label();
    }

    /** Both sides of a binary comparison (left null when compared with nothing); null for text. */
    public BinaryInfo leftInfo() {
        return infos()[0];
    }

    public BinaryInfo rightInfo() {
        return infos()[1];
    }

    private BinaryInfo[] infos() {
        BinaryInfo[] i = infos;
        if (i == null) {
            i = text != null ? new BinaryInfo[2]
                    : new BinaryInfo[] {from == null ? null : BinaryInfo.of(from.asBytes()), BinaryInfo.of(to.asBytes())};
            infos = i;
        }
        return i;
    }

    public boolean sameContent() {
        return from != null && java.util.Arrays.equals(from.asBytes(), to.asBytes());
    }

    /** The unified diff ("--- path", "+++ path", "@@ -a,b +c,d @@"); empty when identical; null for binary. */
    public String unified() {
        if (text == null) {
            return null;
        }
        String u = unified;
        if (u == null) {
            u = text.unified(path, path);
            unified = u;
        }
        return u;
    }

    /** Tokens of the whole new version against tokens of the unified diff; null for binary. */
    public TokenSavings tokens() {
        if (text == null) {
            return null;
        }
        TokenSavings t = tokens;
        if (t == null) {
            t = new TokenSavings(Tokens.count(to.text()), Tokens.count(unified()));
            tokens = t;
        }
        return t;
    }
}

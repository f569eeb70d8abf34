package com.warden.app.report;

/** Small helpers for the standalone HTML reports: escaping, and the shared printable style. */
public final class Html {
    private Html() { }

    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A self-contained style sheet: readable on screen, compact and colour-safe on paper. */
    public static final String STYLE = """
            :root { --error:#b42318; --warning:#b54708; --info:#175cd3; --muted:#667085; --line:#e4e7ec; }
            * { box-sizing: border-box; }
            body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   color:#101828; margin: 2rem auto; max-width: 1100px; padding: 0 1.5rem; }
            h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
            h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
            .muted { color: var(--muted); }
            .summary { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
            .card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; min-width: 9rem; }
            .card b { display:block; font-size: 1.5rem; }
            .error { color: var(--error); } .warning { color: var(--warning); } .info { color: var(--info); }
            .badge { display:inline-block; padding: 0 .45rem; border-radius: 4px; font-size: .75rem; font-weight: 600;
                     border: 1px solid currentColor; text-transform: uppercase; }
            table { border-collapse: collapse; width: 100%; margin: .25rem 0 1rem; }
            th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
            th { font-size: .75rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
            td.mono, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .8rem;
                             word-break: break-all; }
            .notice { border-left: 4px solid var(--warning); background: #fffaeb; padding: .5rem .75rem; margin: 1rem 0; }
            .ok { border-left: 4px solid #067647; background: #ecfdf3; padding: .5rem .75rem; margin: 1rem 0; }
            footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
            @media print {
              body { margin: 0; max-width: none; font-size: 10pt; }
              h2 { break-after: avoid; }
              tr { break-inside: avoid; }
              .notice, .ok { background: none; }
              a { color: inherit; text-decoration: none; }
            }
            """;
}

package com.warden.app.backup;

import java.util.List;

/** A checked restore before it runs: the tool, the command, which entries of the dump, and notes. */
public record RestorePlan(RestoreRequest request, FoundTool tool, DumpToc toc, List<DumpToc.Entry> selected,
                          ToolCommand command, boolean singleTransaction, List<String> notes) {
    public RestorePlan {
        notes = List.copyOf(notes);
    }

    public String commandLine() {
        return command == null ? "" : command.display();
    }
}

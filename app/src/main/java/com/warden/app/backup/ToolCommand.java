package com.warden.app.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a PostgreSQL program: its arguments, the environment it needs, and the secrets
 * (PGPASSWORD) that go into its environment but never into {@link #display()}.
 */
public record ToolCommand(List<String> argv, Map<String, String> env, Map<String, String> secretEnv, Path workDir) {

    public ToolCommand {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        secretEnv = Map.copyOf(secretEnv);
    }

    public static ToolCommand of(List<String> argv) {
        return new ToolCommand(argv, Map.of(), Map.of(), null);
    }

    public ToolCommand withArgs(List<String> more) {
        List<String> all = new ArrayList<>(argv);
        all.addAll(more);
        return new ToolCommand(all, env, secretEnv, workDir);
    }

    public ToolCommand withPrefix(List<String> prefix) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(argv);
        return new ToolCommand(all, env, secretEnv, workDir);
    }

    public ToolCommand withEnv(String name, String value) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put(name, value);
        return new ToolCommand(argv, e, secretEnv, workDir);
    }

    /** The command as a person would type it in a POSIX shell; secrets shown as ****. */
    public String display() {
        StringBuilder s = new StringBuilder();
        env.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> s.append(e.getKey()).append('=').append(quote(e.getValue())).append(' '));
        secretEnv.keySet().stream().sorted().forEach(k -> s.append(k).append("=**** "));
        for (int i = 0; i < argv.size(); i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(quote(argv.get(i)));
        }
        return s.toString();
    }

    /** POSIX shell quoting: bare when safe, else single quotes. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\"'\"'") + "'";
    }

    @Override
    public String toString() {
        return display();
    }
}

package com.warden.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warden.app.WardenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the demo templates from the classpath (the resources jar, or its folder in a dev build). */
final class TemplateLoader {
    static final String ROOT = "warden/demo/templates/";
    static final List<String> SLUGS = List.of("todo-app", "weather-dash", "blog-engine", "chat-app", "expense-tracker");
    private static final Pattern VERSION_DIR = Pattern.compile("files/v(\\d+)/(.+)");

    private final ObjectMapper json = new ObjectMapper();

    List<DemoTemplate> loadAll() {
        List<DemoTemplate> templates = new ArrayList<>();
        for (String slug : SLUGS) {
            if (TemplateLoader.class.getClassLoader().getResource(ROOT + slug + "/template.json") != null) {
                templates.add(load(slug));
            }
        }
        if (templates.isEmpty() || !templates.get(0).slug().equals("todo-app")) {
            throw new WardenException("The demo templates are missing from the classpath.", "rebuild with ./warden (mvn package)");
        }
        return templates;
    }

    DemoTemplate load(String slug) {
        String base = ROOT + slug + "/";
        JsonNode doc;
        try (InputStream in = resource(base + "template.json")) {
            doc = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // path -> version number -> bytes, ordered so versions come out 1..n
        Map<String, TreeMap<Integer, byte[]>> byPath = new TreeMap<>();
        for (String entry : listEntries(base)) {
            Matcher m = VERSION_DIR.matcher(entry.substring(base.length()));
            if (m.matches()) {
                byte[] bytes = readBytes(entry);
                byPath.computeIfAbsent(m.group(2), p -> new TreeMap<>()).put(Integer.parseInt(m.group(1)), bytes);
            }
        }
        Map<String, List<byte[]>> files = new TreeMap<>();
        byPath.forEach((path, versions) -> files.put(path, List.copyOf(versions.values())));

        List<DemoTemplate.SessionScript> sessions = new ArrayList<>();
        for (JsonNode s : doc.path("sessions")) {
            List<DemoTemplate.ScriptedMessage> messages = new ArrayList<>();
            for (JsonNode m : s.path("messages")) {
                List<String> writes = new ArrayList<>();
                m.path("writes").forEach(w -> writes.add(w.asText()));
                messages.add(new DemoTemplate.ScriptedMessage(m.path("role").asText("user"),
                        m.hasNonNull("model") ? m.get("model").asText() : null, m.path("content").asText(""), writes));
            }
            List<DemoTemplate.Pin> pins = new ArrayList<>();
            for (JsonNode p : s.path("pinned")) {
                pins.add(new DemoTemplate.Pin(p.path("path").asText(), p.path("reason").asText(null), p.path("pinned_by").asText("user")));
            }
            List<JsonNode> decisions = new ArrayList<>();
            s.path("decisions").forEach(decisions::add);
            List<DemoTemplate.ImageJobScript> jobs = new ArrayList<>();
            for (JsonNode j : s.path("image_jobs")) {
                jobs.add(new DemoTemplate.ImageJobScript(j.path("prompt").asText(), j.path("status").asText("done")));
            }
            sessions.add(new DemoTemplate.SessionScript(s.path("title").asText(), s.path("status").asText("active"),
                    messages, s.get("memory"), pins, decisions, jobs));
        }
        return new DemoTemplate(slug, doc.path("app").asText(slug), doc.path("description").asText(""), files, sessions,
                texts(doc.path("title_variants")), texts(doc.path("user_lines")), texts(doc.path("assistant_lines")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static InputStream resource(String name) {
        InputStream in = TemplateLoader.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new WardenException("Demo resource " + name + " is missing.", "rebuild with ./warden (mvn package)");
        }
        return in;
    }

    private static byte[] readBytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file entry under a classpath folder, from a jar or a directory. */
    private static List<String> listEntries(String folder) {
        URL url = TemplateLoader.class.getClassLoader().getResource(folder + "template.json");
        TreeSet<String> names = new TreeSet<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry e = entries.nextElement();
                        if (!e.isDirectory() && e.getName().startsWith(folder)) {
                            names.add(e.getName());
                        }
                    }
                }
            } else {
                Path dir = Path.of(url.toURI()).getParent();
                Path root = dir;
                for (int i = 0; i < folder.split("/").length; i++) {
                    root = root.getParent();
                }
                Path classpathRoot = root;
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(Files::isRegularFile)
                            .forEach(p -> names.add(classpathRoot.relativize(p).toString().replace('\\', '/')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(names);
    }
}

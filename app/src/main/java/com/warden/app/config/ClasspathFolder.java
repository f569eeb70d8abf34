package com.warden.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files of one folder on the classpath (in a jar or a build directory), read as UTF-8 text:
 * how the engine finds the migrations it ships and the built-in latency probes without an index file.
 */
public final class ClasspathFolder {
    private ClasspathFolder() { }

    /** File name to content, sorted by name, for every file in {@code folder} whose name ends with {@code suffix}. */
    public static TreeMap<String, String> read(String folder, String suffix) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        TreeMap<String, String> files = new TreeMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : ClasspathFolder.class.getClassLoader();
        try {
            Enumeration<URL> roots = loader.getResources(prefix);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    Path dir = Path.of(root.toURI());
                    try (Stream<Path> list = Files.list(dir)) {
                        for (Path p : list.filter(Files::isRegularFile).toList()) {
                            String name = p.getFileName().toString();
                            if (name.endsWith(suffix)) {
                                files.putIfAbsent(name, Files.readString(p, StandardCharsets.UTF_8));
                            }
                        }
                    }
                } else if ("jar".equals(root.getProtocol())) {
                    URLConnection connection = root.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            JarEntry e = entries.nextElement();
                            String name = e.getName();
                            if (!e.isDirectory() && name.startsWith(prefix) && name.endsWith(suffix)
                                    && name.indexOf('/', prefix.length()) < 0) {
                                try (InputStream in = jar.getInputStream(e)) {
                                    files.putIfAbsent(name.substring(prefix.length()),
                                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list classpath folder " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}

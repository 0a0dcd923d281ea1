package org.passerelle.content.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the content files are read from: the classpath, a folder on disk, or memory. */
interface ContentSource {

    /**
     * The first {@code limit} bytes of a file given by its path relative to the content root,
     * or empty when there is no such file.
     */
    Optional<byte[]> read(String path, int limit) throws IOException;

    /**
     * The names of the files in a folder relative to the content root, or empty when this
     * source cannot list folders (a jar on the classpath).
     */
    Optional<List<String>> list(String folder) throws IOException;

    /** Files under a classpath prefix, e.g. {@code content/}. */
    record Classpath(ClassLoader loader, String prefix) implements ContentSource {

        @Override
        public Optional<byte[]> read(String path, int limit) throws IOException {
            try (InputStream in = loader.getResourceAsStream(prefix + path)) {
                return in == null ? Optional.empty() : Optional.of(in.readNBytes(limit));
            }
        }

        @Override
        public Optional<List<String>> list(String folder) {
            return Optional.empty();
        }
    }

    /** Files under a folder on disk; paths never leave that folder. */
    record Directory(Path root) implements ContentSource {

        public Directory {
            root = root.toAbsolutePath().normalize();
        }

        @Override
        public Optional<byte[]> read(String path, int limit) throws IOException {
            var file = inside(path);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file)) {
                return Optional.of(in.readNBytes(limit));
            }
        }

        @Override
        public Optional<List<String>> list(String folder) throws IOException {
            var dir = inside(folder);
            if (!Files.isDirectory(dir)) {
                return Optional.of(List.of());
            }
            try (Stream<Path> files = Files.list(dir)) {
                return Optional.of(files.filter(Files::isRegularFile)
                        .map(file -> file.getFileName().toString())
                        .sorted()
                        .toList());
            }
        }

        private Path inside(String path) throws IOException {
            var resolved = root.resolve(path).normalize();
            if (!resolved.startsWith(root)) {
                throw new IOException("path leaves the content folder");
            }
            return resolved;
        }
    }

    /** Files held in memory by their path, e.g. one published version kept in Redis. */
    record InMemory(Map<String, String> files) implements ContentSource {

        public InMemory {
            files = Map.copyOf(files);
        }

        @Override
        public Optional<byte[]> read(String path, int limit) {
            var text = files.get(path);
            if (text == null) {
                return Optional.empty();
            }
            var bytes = text.getBytes(StandardCharsets.UTF_8);
            return Optional.of(bytes.length <= limit ? bytes : java.util.Arrays.copyOf(bytes, limit));
        }

        @Override
        public Optional<List<String>> list(String folder) {
            var prefix = folder + "/";
            return Optional.of(files.keySet().stream()
                    .filter(path -> path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0)
                    .map(path -> path.substring(prefix.length()))
                    .sorted()
                    .toList());
        }
    }
}

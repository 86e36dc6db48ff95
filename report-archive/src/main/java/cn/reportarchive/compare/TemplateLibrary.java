package cn.reportarchive.compare;

import cn.reportarchive.json.JsonMappers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Known public templates (范文) that materials are copied from, kept as extracted text beside the
 * catalog, one JSON file each (template-HASH.json): a backup takes the data directory's own files,
 * so the library goes with it.
 */
public final class TemplateLibrary {
    private static final ObjectMapper JSON = JsonMappers.create();
    private final Path dir;

    public record Template(String id, String name, String addedAt, String text) {
        public int chars() {
            return text.length();
        }
    }

    public TemplateLibrary(Path dir) {
        this.dir = dir;
    }

    /** Adds a template; the same text twice gives the same id and keeps the first name. */
    public Template add(String name, String text) throws IOException {
        String id = id(text);
        Optional<Template> existing = get(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        Files.createDirectories(dir);
        Template t = new Template(id, name, Instant.now().toString(), text);
        Path tmp = Files.createTempFile(dir, ".template-" + id, ".tmp"); // a dot: backups skip it
        Files.write(tmp, JSON.writeValueAsBytes(t));
        Files.move(tmp, file(id), StandardCopyOption.ATOMIC_MOVE);
        return t;
    }

    public Optional<Template> get(String id) throws IOException {
        if (!id.matches("[0-9a-f]{16}")) {
            return Optional.empty();
        }
        Path f = file(id);
        return Files.exists(f) ? Optional.of(JSON.readValue(f.toFile(), Template.class)) : Optional.empty();
    }

    public List<Template> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Template> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("template-[0-9a-f]{16}\\.json")).sorted().toList()) {
                out.add(JSON.readValue(f.toFile(), Template.class));
            }
        }
        out.sort((a, b) -> a.addedAt().compareTo(b.addedAt()));
        return out;
    }

    public boolean remove(String id) throws IOException {
        return id.matches("[0-9a-f]{16}") && Files.deleteIfExists(file(id));
    }

    private Path file(String id) {
        return dir.resolve("template-" + id + ".json");
    }

    /** A template as the copy check reads it: its paragraphs. */
    static CopyDoc asDoc(Template t) {
        return asDoc(t.id(), t.name(), t.text());
    }

    static CopyDoc asDoc(String id, String name, String text) {
        List<CopyDoc.Piece> pieces = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                pieces.add(new CopyDoc.Piece("template/" + (pieces.size() + 1), line.strip()));
            }
        }
        return new CopyDoc("template:" + id, null, null, null, name, true, pieces);
    }

    private static String id(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

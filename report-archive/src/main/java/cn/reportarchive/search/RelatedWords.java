package cn.reportarchive.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Domain equivalents (上访/信访, 走过场/走形式/形式主义…), kept as data: related-words.txt, one group
 * of words a line. A word's related words are the other words of every group it stands in.
 */
public final class RelatedWords {
    public static final String FILE_NAME = "related-words.txt";
    private static final RelatedWords NONE = new RelatedWords(Map.of());

    private final Map<String, List<String>> related;

    private RelatedWords(Map<String, List<String>> related) {
        this.related = related;
    }

    public static RelatedWords none() {
        return NONE;
    }

    /** The shipped list, extended by a file of the same name in the data directory when there is one. */
    public static RelatedWords load(Path dataDir) throws IOException {
        List<List<String>> groups = new ArrayList<>();
        try (InputStream in = RelatedWords.class.getResourceAsStream(FILE_NAME)) {
            groups.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        Path extension = dataDir == null ? null : dataDir.resolve(FILE_NAME);
        if (extension != null && Files.isRegularFile(extension)) {
            groups.addAll(parse(Files.readString(extension, StandardCharsets.UTF_8)));
        }
        return of(groups);
    }

    public static RelatedWords defaults() {
        try {
            return load(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> parse(String text) {
        List<List<String>> groups = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (String w : l.split("[,，]")) {
                if (!w.isBlank()) {
                    words.add(w.strip());
                }
            }
            if (words.size() > 1) {
                groups.add(words);
            }
        }
        return groups;
    }

    static RelatedWords of(List<List<String>> groups) {
        Map<String, Set<String>> map = new HashMap<>();
        for (List<String> group : groups) {
            for (String word : group) {
                Set<String> others = map.computeIfAbsent(word, k -> new LinkedHashSet<>());
                group.stream().filter(w -> !w.equals(word)).forEach(others::add);
            }
        }
        Map<String, List<String>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new RelatedWords(frozen);
    }

    /** The words equivalent to this one, without itself; empty when it is in no group. */
    public List<String> of(String word) {
        return related.getOrDefault(word, List.of());
    }

    public int size() {
        return related.size();
    }
}

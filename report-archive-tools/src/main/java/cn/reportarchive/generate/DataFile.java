package cn.reportarchive.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small INI-like files of this package: {@code [section]} headers, then {@code key = value}
 * lines (a key may repeat; values are alternatives separated by " | ") or, in word-list sections,
 * plain lines of space-separated words. {@code #} starts a comment line.
 */
final class DataFile {
    /** One [section]: its key lines in order, and its plain lines. */
    static final class Section {
        final String name;
        final List<Map.Entry<String, List<String>>> entries = new ArrayList<>();
        final List<String> words = new ArrayList<>();

        Section(String name) {
            this.name = name;
        }

        /** All values of the first line with this key; empty when missing. */
        List<String> values(String key) {
            for (Map.Entry<String, List<String>> e : entries) {
                if (e.getKey().equals(key)) {
                    return e.getValue();
                }
            }
            return List.of();
        }

        String first(String key) {
            List<String> v = values(key);
            return v.isEmpty() ? null : v.get(0);
        }

        /** Every line with this key (for keys that repeat). */
        List<List<String>> all(String key) {
            List<List<String>> out = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : entries) {
                if (e.getKey().equals(key)) {
                    out.add(e.getValue());
                }
            }
            return out;
        }

        boolean has(String key) {
            return !values(key).isEmpty();
        }
    }

    private DataFile() {
    }

    static Map<String, Section> read(String resource) {
        String text;
        try (InputStream in = DataFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing data resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Section> sections = new LinkedHashMap<>();
        Section current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new Section(line.substring(1, line.length() - 1).strip());
                sections.put(current.name, current);
                continue;
            }
            if (current == null) {
                throw new IllegalStateException(resource + ": line outside a section: " + line);
            }
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                String key = line.substring(0, eq).strip();
                List<String> values = Arrays.stream(line.substring(eq + 3).split(" \\| "))
                        .map(String::strip).filter(v -> !v.isEmpty()).toList();
                current.entries.add(Map.entry(key, values));
            } else {
                current.words.addAll(Arrays.asList(line.split("\\s+")));
            }
        }
        return sections;
    }
}

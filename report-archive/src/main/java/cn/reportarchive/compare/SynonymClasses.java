package cn.reportarchive.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which words mean the same: 同义词词林 (extended edition, as HanLP's portable jar ships it in
 * {@code CoreSynonym.txt}), one class per line, code then words. Only classes marked {@code =}
 * (synonyms) count: {@code #} lines hold merely related words (上级/下级), {@code @} lines a word
 * alone. One-character words are left out: 碎, 散, 定 stand in dozens of classes and would make
 * half of any two points synonyms. A word may stand in several classes (拍板: to decide, to beat
 * time); two words are synonyms when they share one. Loaded once (about 0.3 s) and passed to
 * what needs it; immutable afterwards.
 */
public final class SynonymClasses {
    /** Where HanLP's portable jar keeps the dictionary. */
    static final String RESOURCE = "data/dictionary/synonym/CoreSynonym.txt";
    private static final int[] NONE = new int[0];
    /** Words count as synonyms when they share the whole class code (the finest level of 词林). */
    static final int CODE_LENGTH = 7;

    private final Map<String, int[]> classes;
    private final String[] codes;

    private SynonymClasses(Map<String, int[]> classes, String[] codes) {
        this.classes = classes;
        this.codes = codes;
    }

    /** The dictionary from the class path (HanLP's jar). */
    public static SynonymClasses load() {
        return load(CODE_LENGTH);
    }

    /** {@code codeLength}: how much of the class code two words must share (7 the finest, 5 the small class). */
    static SynonymClasses load(int codeLength) {
        InputStream in = SynonymClasses.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("同义词词林未找到（" + RESOURCE + "），请检查 HanLP 依赖。");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r, codeLength);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SynonymClasses parse(BufferedReader lines, int codeLength) throws IOException {
        Map<String, int[]> classes = new HashMap<>();
        Map<String, Integer> ids = new LinkedHashMap<>();
        String line;
        while ((line = lines.readLine()) != null) {
            line = line.strip();
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.length() < 9 || line.charAt(7) != '=') {
                continue;
            }
            int id = ids.computeIfAbsent(line.substring(0, codeLength), k -> ids.size());
            for (String word : line.substring(8).strip().split("\\s+")) {
                if (word.length() >= 2) {
                    classes.merge(word, new int[] {id}, SynonymClasses::union);
                }
            }
        }
        return new SynonymClasses(Map.copyOf(classes), ids.keySet().toArray(String[]::new));
    }

    /** The classes of a word, sorted; empty when the dictionary does not know it. */
    public int[] of(String word) {
        return classes.getOrDefault(word, NONE);
    }

    /** The class code of an id, e.g. {@code Gb19B01}. */
    public String code(int id) {
        return codes[id];
    }

    public int words() {
        return classes.size();
    }

    private static int[] union(int[] a, int[] b) {
        int[] out = java.util.stream.IntStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .distinct().sorted().toArray();
        return out;
    }
}

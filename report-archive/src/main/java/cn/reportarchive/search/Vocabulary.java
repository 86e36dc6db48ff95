package cn.reportarchive.search;

import cn.reportarchive.index.Fields;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The archive's own vocabulary, for correcting a slip: every Han character its words use (the
 * terms of the word field, each counted by its document frequency), grouped by how it sounds
 * (HanLP's pinyin, tones left out, since a keyboard slip seldom keeps the tone: 住/主, 筑/铸), with
 * the characters that look alike (near-forms.txt), and the frequencies of words and character pairs
 * as the index keeps them.
 *
 * <p>Built lazily, at the first slip, and kept in step with imports cheaply: what a segment holds is
 * read once per segment (segments never change; an import adds small ones), and a new commit only
 * merges the per-segment counts again.
 */
final class Vocabulary {
    private static final String NEAR_FORMS = "near-forms.txt";

    /** Characters per segment, by the segment's core key; dropped with the segment. */
    private final Map<IndexReader.CacheKey, Map<Character, Long>> segments = new WeakHashMap<>();
    /** Toneless pinyin of a character, or "" for none; a few thousand characters, kept. */
    private final Map<Character, String> sounds = new ConcurrentHashMap<>();
    private final Map<Character, String> nearForms;
    private IndexReader builtFor;
    private Snapshot snapshot;

    Vocabulary() {
        this.nearForms = loadNearForms();
    }

    /** What the vocabulary is at one reader's commit. */
    final class Snapshot {
        private final IndexReader reader;
        private final Map<String, List<Character>> bySound;
        private final Map<Character, Long> characters;

        private Snapshot(IndexReader reader, Map<Character, Long> characters) {
            this.reader = reader;
            this.characters = characters;
            Map<String, List<Character>> groups = new HashMap<>();
            characters.forEach((c, df) -> {
                String sound = sound(c);
                if (!sound.isEmpty()) {
                    groups.computeIfAbsent(sound, k -> new ArrayList<>()).add(c);
                }
            });
            // most used first: the likelier intended character is tried first
            groups.values().forEach(list -> list.sort((a, b) -> Long.compare(characters.get(b), characters.get(a))));
            this.bySound = groups;
        }

        /** The archive's characters that sound like {@code c} or look like it, not {@code c} itself. */
        List<Character> alternatives(char c) {
            List<Character> out = new ArrayList<>();
            String near = nearForms.get(c);
            if (near != null) {
                for (char n : near.toCharArray()) {
                    if (n != c && characters.containsKey(n)) {
                        out.add(n);
                    }
                }
            }
            for (Character h : bySound.getOrDefault(sound(c), List.of())) {
                if (h != c && !out.contains(h)) {
                    out.add(h);
                }
            }
            return out;
        }

        /** Passages holding this pair of characters (or this one character, where a run starts or ends). */
        int pairFrequency(String pair) {
            return frequency(Fields.TEXT_GRAMS, pair);
        }

        /** Passages holding this as one word of the word segmenter (形式主义, not 凝心铸魂, which it splits). */
        int wordFrequency(String word) {
            return frequency(Fields.TEXT, word);
        }

        private int frequency(String field, String text) {
            try {
                return reader.docFreq(new Term(field, text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The vocabulary of this reader's commit; rebuilt from the per-segment counts when the commit changed. */
    synchronized Snapshot at(IndexReader reader) throws IOException {
        if (reader != builtFor) {
            Map<Character, Long> all = new HashMap<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                for (Map.Entry<Character, Long> e : segment(leaf).entrySet()) {
                    all.merge(e.getKey(), e.getValue(), Long::sum);
                }
            }
            snapshot = new Snapshot(reader, all);
            builtFor = reader;
        }
        return snapshot;
    }

    private Map<Character, Long> segment(LeafReaderContext leaf) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        Map<Character, Long> known = helper == null ? null : segments.get(helper.getKey());
        if (known != null) {
            return known;
        }
        Map<Character, Long> chars = new HashMap<>();
        Terms terms = leaf.reader().terms(Fields.TEXT);
        if (terms != null) {
            TermsEnum it = terms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                String word = term.utf8ToString();
                int df = it.docFreq();
                for (int i = 0; i < word.length(); i++) {
                    char c = word.charAt(i);
                    if (isHan(c)) {
                        chars.merge(c, (long) df, Long::sum);
                    }
                }
            }
        }
        if (helper != null) {
            segments.put(helper.getKey(), chars);
        }
        return chars;
    }

    /** The character's sound, toneless (zhu for 住 and 主), or "" when HanLP has none for it. */
    String sound(char c) {
        return sounds.computeIfAbsent(c, k -> {
            List<Pinyin> py = HanLP.convertToPinyinList(String.valueOf(k));
            if (py.isEmpty() || py.get(0) == Pinyin.none5) {
                return "";
            }
            return py.get(0).getPinyinWithoutTone();
        });
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Each character of a line of near-forms.txt looks like the others of its line. */
    private static Map<Character, String> loadNearForms() {
        Map<Character, String> out = new HashMap<>();
        try (InputStream in = Vocabulary.class.getResourceAsStream(NEAR_FORMS)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                String group = line.strip();
                if (group.isEmpty() || group.startsWith("#")) {
                    continue;
                }
                for (char c : group.toCharArray()) {
                    out.merge(c, group, (a, b) -> a + b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

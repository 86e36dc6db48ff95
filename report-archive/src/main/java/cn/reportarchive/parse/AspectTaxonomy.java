package cn.reportarchive.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical aspects and the words that point to each, kept as data (aspects.tsv) so that
 * a new year's notice can be taught without a code change.
 */
public final class AspectTaxonomy {
    public static final String OTHER = "other";

    public record Keyword(String word, double weight) {
    }

    public record Aspect(String key, String label, List<Keyword> keywords) {
    }

    private final Map<String, Aspect> aspects;
    private final List<String> order;

    public AspectTaxonomy(Map<String, Aspect> aspects) {
        this.aspects = Map.copyOf(aspects);
        this.order = List.copyOf(aspects.keySet());
    }

    /** The taxonomy shipped with the product. */
    public static AspectTaxonomy defaults() {
        try (InputStream in = AspectTaxonomy.class.getResourceAsStream("aspects.tsv")) {
            return new AspectTaxonomy(read(new String(in.readAllBytes(), StandardCharsets.UTF_8), new LinkedHashMap<>()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped taxonomy extended by a user's file, when it exists. */
    public static AspectTaxonomy withExtension(Path file) throws IOException {
        AspectTaxonomy base = defaults();
        if (!Files.isRegularFile(file)) {
            return base;
        }
        Map<String, Aspect> merged = new LinkedHashMap<>();
        for (String key : base.order) {
            merged.put(key, base.aspects.get(key));
        }
        return new AspectTaxonomy(read(Files.readString(file, StandardCharsets.UTF_8), merged));
    }

    private static Map<String, Aspect> read(String tsv, Map<String, Aspect> into) {
        try (BufferedReader reader = new BufferedReader(new StringReader(tsv))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                String key = cols[0].strip();
                String label = cols.length > 1 && !cols[1].isBlank() ? cols[1].strip() : key;
                List<Keyword> words = new ArrayList<>();
                Aspect known = into.get(key);
                if (known != null) {
                    words.addAll(known.keywords());
                    label = cols.length > 1 && !cols[1].isBlank() ? label : known.label();
                }
                if (cols.length > 2) {
                    for (String entry : cols[2].split("[,，]")) {
                        if (!entry.isBlank()) {
                            words.add(keyword(entry.strip()));
                        }
                    }
                }
                into.put(key, new Aspect(key, label, words));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }

    private static Keyword keyword(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon > 0) {
            return new Keyword(entry.substring(0, colon), Double.parseDouble(entry.substring(colon + 1)));
        }
        return new Keyword(entry, entry.length());
    }

    public List<Aspect> aspects() {
        return order.stream().map(aspects::get).toList();
    }

    public Optional<Aspect> get(String key) {
        return Optional.ofNullable(aspects.get(key));
    }

    /** A key, or a label (理论学习 → theory); empty when neither. */
    public Optional<String> resolve(String keyOrLabel) {
        if (aspects.containsKey(keyOrLabel)) {
            return Optional.of(keyOrLabel);
        }
        return aspects.values().stream().filter(a -> a.label().equals(keyOrLabel)).map(Aspect::key).findFirst();
    }

    public String label(String key) {
        Aspect aspect = aspects.get(key);
        return aspect == null ? key : aspect.label();
    }

    /** Weight of each aspect's keywords in the text, in taxonomy order. */
    public double[] scores(String text) {
        double[] scores = new double[order.size()];
        for (int i = 0; i < order.size(); i++) {
            for (Keyword k : aspects.get(order.get(i)).keywords()) {
                if (text.contains(k.word())) {
                    scores[i] += k.weight();
                }
            }
        }
        return scores;
    }

    /** The aspect a block heading is about; {@link #OTHER} when no keyword matches. */
    public String classify(String heading) {
        double[] scores = scores(heading);
        int best = -1;
        int bestPosition = Integer.MAX_VALUE;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] <= 0) {
                continue;
            }
            int position = firstPosition(heading, aspects.get(order.get(i)));
            if (best < 0 || scores[i] > scores[best] || (scores[i] == scores[best] && position < bestPosition)) {
                best = i;
                bestPosition = position;
            }
        }
        return best < 0 ? OTHER : order.get(best);
    }

    private static int firstPosition(String text, Aspect aspect) {
        return aspect.keywords().stream().mapToInt(k -> text.indexOf(k.word())).filter(p -> p >= 0).min()
                .orElse(Integer.MAX_VALUE);
    }
}

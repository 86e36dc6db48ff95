package cn.reportarchive.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How an author reworks last year's sentence: swaps a few words (synonyms.txt), drops, trims or
 * reorders a clause, adds an adverb. Each edit keeps most of the text, so that a restated problem
 * still shares long runs of characters with the original.
 */
final class TextEdits {
    private final List<List<String>> groups = new ArrayList<>();

    TextEdits() {
        try (java.io.InputStream in = TextEdits.class.getResourceAsStream("synonyms.txt")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    groups.add(Arrays.stream(line.split("\\|")).map(String::strip).toList());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The edited text and the kinds of edits made (at least one, and the text differs). */
    Map.Entry<String, String> edit(String text, Rng rng, int maxEdits) {
        int wanted = 1 + rng.nextInt(Math.max(1, maxEdits));
        String current = text;
        List<String> kinds = new ArrayList<>();
        for (int attempt = 0; attempt < 12 && kinds.size() < wanted; attempt++) {
            String next;
            String kind;
            switch (rng.nextInt(5)) {
                case 0, 1 -> {
                    next = swapWord(current, rng);
                    kind = "swap-words";
                }
                case 2 -> {
                    next = dropClause(current, rng);
                    kind = "drop-clause";
                }
                case 3 -> {
                    next = reorder(current, rng);
                    kind = "reorder";
                }
                default -> {
                    next = adverb(current, rng);
                    kind = "add-word";
                }
            }
            if (!next.equals(current) && next.length() >= text.length() / 2) {
                current = next;
                if (!kinds.contains(kind)) {
                    kinds.add(kind);
                }
            }
        }
        if (current.equals(text)) {
            current = text + "的情况仍然存在";
            kinds.add("add-word");
        }
        return Map.entry(current, String.join(",", kinds));
    }

    private String swapWord(String text, Rng rng) {
        List<List<String>> found = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (List<String> g : groups) {
            for (String w : g) {
                if (text.contains(w)) {
                    found.add(g);
                    words.add(w);
                    break;
                }
            }
        }
        if (found.isEmpty()) {
            return text;
        }
        int i = rng.nextInt(found.size());
        String from = words.get(i);
        List<String> others = found.get(i).stream().filter(w -> !w.equals(from)).toList();
        return others.isEmpty() ? text : text.replaceFirst(java.util.regex.Pattern.quote(from), rng.pick(others));
    }

    private static List<String> clauses(String text) {
        return new ArrayList<>(Arrays.asList(text.split("，")));
    }

    private static String dropClause(String text, Rng rng) {
        List<String> c = clauses(text);
        if (c.size() < 3) {
            return text;
        }
        c.remove(1 + rng.nextInt(c.size() - 1));
        return String.join("，", c);
    }

    private static String reorder(String text, Rng rng) {
        List<String> c = clauses(text);
        if (c.size() < 3 || c.stream().anyMatch(s -> s.contains("。"))) {
            return text;
        }
        int i = 1 + rng.nextInt(c.size() - 2);
        String t = c.get(i);
        c.set(i, c.get(i + 1));
        c.set(i + 1, t);
        return String.join("，", c);
    }

    private static final String[] ADVERBS = {"仍然", "依然", "还", "一定程度上"};

    private static String adverb(String text, Rng rng) {
        for (String anchor : new String[] {"存在", "不够", "有待"}) {
            int at = text.indexOf(anchor);
            if (at > 0 && !text.startsWith("仍", at - 1) && !text.startsWith("还", at - 1)) {
                return text.substring(0, at) + rng.pick(ADVERBS) + text.substring(at);
            }
        }
        return text;
    }
}

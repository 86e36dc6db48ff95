package cn.reportarchive.generate;

import java.util.List;

/**
 * The phrase banks of this package (common.txt, problems.txt, measures.txt, causes.txt) with
 * named access to what the composer needs: problem and measure records per aspect, cause
 * headings and prose, intros, prefaces, pledges and section headings.
 */
public final class PhraseBook {
    public static final List<String> ASPECTS = List.of("political", "theory", "leadership", "people",
            "responsibility", "ability", "style", "integrity");

    private static final PhraseBook DEFAULT = new PhraseBook();

    final Grammar grammar;

    private PhraseBook() {
        grammar = Grammar.load("common.txt", "problems.txt", "measures.txt", "causes.txt");
        for (String a : ASPECTS) {
            grammar.entries(a + ".problem");
            grammar.entries(a + ".measure");
            grammar.entries(a + ".正面");
        }
    }

    public static PhraseBook load() {
        return DEFAULT;
    }

    public Grammar grammar() {
        return grammar;
    }

    List<Grammar.Entry> problems(String aspect) {
        return grammar.entries(aspect + ".problem");
    }

    List<Grammar.Entry> measures(String aspect) {
        return grammar.entries(aspect + ".measure");
    }

    /** Aspects that have cause material. */
    boolean hasCause(String aspect) {
        return grammar.has("cause." + aspect + ".heading");
    }

    String expand(String slot, Rng rng, Ctx ctx) {
        return grammar.expand(slot, rng, ctx);
    }

    static String field(Grammar.Entry e, int i, Rng rng, Ctx ctx) {
        return Grammar.expand(e.fields().get(i), rng, ctx);
    }
}

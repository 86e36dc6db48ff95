package cn.reportarchive.generate;

/**
 * One point as planned: its text without marker and without final stop, what it is about (a
 * problem's gist, a measure's core), and for a measure what next year's account will say was done.
 * {@code origin} links a planted repeat to the item it restates.
 */
public final class GenItem {
    final String body;
    final String gist;
    final String result;
    final String aspect;
    /** For a measure: the problem item (index into the report's problem list) it answers, or -1. */
    int answers = -1;
    /** For a rectification item: the previous year's measure it gives account of, or null. */
    GenItem reports;
    /** For a planted repeat: the earlier item, how it was carried and whether it changed aspect. */
    GenItem origin;
    String how;
    /** For a planted repeat: the kinds of edits applied (drop-clause, swap-words …). */
    String edits;
    /** The phrase record it was made from (aspect.kind#n), to keep a track from reusing one by chance. */
    String record;
    /** For a copied report: the item of the source report this one was copied from. */
    GenItem copiedFrom;
    boolean copyEdited;
    /** The year of the report it stands in (set by the layout). */
    int year;
    /** Where the item ended up (set by the layout): TYPE/B/I or TYPE/B. */
    String ref;
    /** The item's text as the parser will return it (set by the layout). */
    String text;

    GenItem(String body, String gist, String result, String aspect) {
        this.body = body;
        this.gist = gist;
        this.result = result;
        this.aspect = aspect;
    }

    public String body() {
        return body;
    }

    public String ref() {
        return ref;
    }

    public String text() {
        return text;
    }

    public String aspect() {
        return aspect;
    }

    public GenItem origin() {
        return origin;
    }

    public String how() {
        return how;
    }
}

package cn.reportarchive.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * One block as planned and as it will be laid out: heading (null for a section without
 * sub-headings), canonical aspect, intro, points, numbering style and layout choices.
 */
public final class GenBlock {
    String heading;
    String aspect;
    String intro = "";
    final List<GenItem> items = new ArrayList<>();
    ItemStyle style = ItemStyle.DOT;
    /** Heading and the text after it on one line. */
    boolean runIn;
    /** Inline points: all in one paragraph with the intro (else one paragraph each). */
    boolean onePara = true;
    /** Inline points separated by ；rather than 。 */
    boolean semicolons;
    /** A single point written as plain prose, without a marker (the block then has no items). */
    boolean prose;
    /** As laid out: the heading's closing punctuation ("" when none) and whether it ran into the text. */
    String headEnd = "";
    boolean ranIn;
    /** For a causes block: paragraphs of prose (the block's intro). */
    final List<String> paragraphs = new ArrayList<>();

    GenBlock(String heading, String aspect) {
        this.heading = heading;
        this.aspect = aspect;
    }

    public String heading() {
        return heading;
    }

    public String aspect() {
        return aspect;
    }

    public List<GenItem> items() {
        return items;
    }

    public boolean ranIn() {
        return ranIn;
    }

    public String headEnd() {
        return headEnd;
    }

    /** How many items the parser should find. */
    public int itemCount() {
        return prose ? 0 : items.size();
    }
}

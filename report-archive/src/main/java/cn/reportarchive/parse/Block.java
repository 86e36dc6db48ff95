package cn.reportarchive.parse;

import java.util.List;

/**
 * One aspect block of a section ((一)… heading), or the single block of a section without
 * sub-headings (heading null). The intro is the text before the first enumerated item.
 */
public record Block(String heading, String aspect, String intro, List<Item> items) {
    public Block {
        items = List.copyOf(items);
    }

    public Block withAspect(String newAspect) {
        return new Block(heading, newAspect, intro, items);
    }
}

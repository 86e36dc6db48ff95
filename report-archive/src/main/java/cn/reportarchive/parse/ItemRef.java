package cn.reportarchive.parse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Where a passage stands in a report, as one value: the part (a section type's key, or
 * {@code preface} / {@code closing} for the paragraphs outside the sections), the block number
 * (counted through every section of that type, as {@link Passages} numbers them; for preface and
 * closing the paragraph number) and the item number within the block. One parse
 * ({@code problems/3/2}), one format ({@link #toString()}), one Chinese label ({@link #label()}:
 * 问题（三）第2条). Jackson reads and writes it as the string, so the JSON stays as INTERFACE.md fixes it.
 */
public record ItemRef(String part, Integer block, Integer item) {
    public static final String PREFACE = "preface";
    public static final String CLOSING = "closing";
    /** The report's title, a passage of the search index of its own: {@code title}. */
    public static final String TITLE = "title";

    public ItemRef {
        if (part == null || part.isEmpty()
                || !(SectionType.fromKey(part).isPresent() || paragraphs(part) || TITLE.equals(part))) {
            throw new IllegalArgumentException("unknown part of a report: " + part);
        }
        if (TITLE.equals(part) && block != null) {
            throw new IllegalArgumentException("the title has no blocks: " + part + "/" + block);
        }
        if (block != null && block < 1 || item != null && item < 1 || item != null && block == null) {
            throw new IllegalArgumentException("bad item reference " + part + "/" + block + "/" + item);
        }
        if (paragraphs(part) && (block == null || item != null)) {
            throw new IllegalArgumentException("a preface or closing reference is one paragraph number: " + part);
        }
    }

    /** A section's own intro (before its first block): {@code problems}. */
    public static ItemRef section(SectionType type) {
        return new ItemRef(type.key(), null, null);
    }

    /** A block of a section type: {@code problems/3}. */
    public static ItemRef block(SectionType type, int block) {
        return new ItemRef(type.key(), block, null);
    }

    /** An item of a block: {@code problems/3/2}. */
    public static ItemRef item(SectionType type, int block, int item) {
        return new ItemRef(type.key(), block, item);
    }

    public static ItemRef title() {
        return new ItemRef(TITLE, null, null);
    }

    public static ItemRef preface(int paragraph) {
        return new ItemRef(PREFACE, paragraph, null);
    }

    public static ItemRef closing(int paragraph) {
        return new ItemRef(CLOSING, paragraph, null);
    }

    /** {@code problems/3/2}, {@code problems/3}, {@code problems}, {@code preface/1}; anything else is refused. */
    @JsonCreator
    public static ItemRef parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not an item reference: " + text));
    }

    /** The reference this text writes, or empty when it writes none. */
    public static Optional<ItemRef> tryParse(String text) {
        if (text == null || text.isEmpty() || text.length() > 40) {
            return Optional.empty();
        }
        String[] p = text.split("/", -1);
        if (p.length > 3) {
            return Optional.empty();
        }
        try {
            Integer block = p.length > 1 ? number(p[1]) : null;
            Integer item = p.length > 2 ? number(p[2]) : null;
            return Optional.of(new ItemRef(p[0], block, item));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int number(String digits) {
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a number: " + digits);
        }
        return Integer.parseInt(digits);
    }

    private static boolean paragraphs(String part) {
        return PREFACE.equals(part) || CLOSING.equals(part);
    }

    /** The section type; {@link SectionType#OTHER} for the title and the preface and closing paragraphs. */
    public SectionType section() {
        return SectionType.fromKey(part).orElse(SectionType.OTHER);
    }

    /** Whether this names a whole block (problems/3), the unit a person can set the aspect of. */
    public boolean isBlock() {
        return !paragraphs(part) && block != null && item == null;
    }

    public boolean isItem() {
        return item != null;
    }

    /** The block this item belongs to (itself for a block). */
    public ItemRef blockRef() {
        return item == null ? this : new ItemRef(part, block, null);
    }

    @JsonValue
    @Override
    public String toString() {
        return part + (block == null ? "" : "/" + block) + (item == null ? "" : "/" + item);
    }

    /** The place in words, as the pages and exports show it: 问题（三）第2条, 措施（一）, 前言第2段. */
    public String label() {
        if (PREFACE.equals(part)) {
            return "前言第" + block + "段";
        }
        if (CLOSING.equals(part)) {
            return "结尾第" + block + "段";
        }
        if (TITLE.equals(part)) {
            return "标题";
        }
        String section = section().label();
        if (block == null) {
            return section; // the section's own opening text
        }
        return section + "（" + ChineseNumerals.format(block) + "）" + (item == null ? "" : "第" + item + "条");
    }
}

package cn.reportarchive.parse;

/**
 * One searchable piece of a report: an item, a block's intro or item-less block, a section's
 * intro, a preface or closing paragraph. The ref says where it stands (problems/3/2, see {@link ItemRef}).
 */
public record Passage(ItemRef ref, SectionType section, String aspect, String heading, String text) {
}

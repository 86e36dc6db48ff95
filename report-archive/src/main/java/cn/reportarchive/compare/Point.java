package cn.reportarchive.compare;

import cn.reportarchive.parse.ItemRef;
import cn.reportarchive.parse.SectionType;

/**
 * One problem, measure or account of a report, where it stands (ref, block) and what it says;
 * {@code block} counts the blocks of its section type from 1, as refs do.
 */
public record Point(ItemRef ref, SectionType section, int block, String aspect, String text) {
}

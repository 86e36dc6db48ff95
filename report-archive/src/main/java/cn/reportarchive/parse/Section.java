package cn.reportarchive.parse;

import java.util.List;

/**
 * A numbered part of the report (一、…). The intro is text between the section heading and its
 * first block heading, kept apart so that block numbers match the document's (一)(二)….
 */
public record Section(SectionType type, String heading, String intro, List<Block> blocks) {
    public Section {
        blocks = List.copyOf(blocks);
    }

    public Section withBlocks(List<Block> newBlocks) {
        return new Section(type, heading, intro, newBlocks);
    }
}

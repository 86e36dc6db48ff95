package cn.reportarchive.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A report cut into passages with their refs. Blocks are numbered through all sections of a
 * type, so a ref stays unique when a report has two sections of the same kind. Preface and
 * closing paragraphs belong to section type other (preface/1, closing/1).
 */
public final class Passages {
    private Passages() {
    }

    /** What a searchable piece of a report is: running text, a block's or section's heading, or the title. */
    public enum Kind {
        TEXT("text"), HEADING("heading"), TITLE("title");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** A passage with what kind of piece it is. */
    public record Piece(Passage passage, Kind kind) {
    }

    /** The running text: items, intros, preface and closing paragraphs (what compare and 查重 read). */
    public static List<Passage> of(Report report) {
        return searchable(report).stream().filter(p -> p.kind() == Kind.TEXT).map(Piece::passage).toList();
    }

    /**
     * Everything a reader sees, in reading order: the title, the preface, each section's heading and
     * intro, each block's heading (with its section and aspect, under the block's ref) and text, the
     * closing. A block whose only text is its heading is that heading once, as running text.
     */
    public static List<Piece> searchable(Report report) {
        List<Piece> pieces = new ArrayList<>();
        if (report.title() != null && !report.title().isBlank()) {
            pieces.add(new Piece(new Passage(ItemRef.title(), SectionType.OTHER, null, null, report.title()), Kind.TITLE));
        }
        for (int i = 0; i < report.preface().size(); i++) {
            text(pieces, new Passage(ItemRef.preface(i + 1), SectionType.OTHER, null, null, report.preface().get(i)));
        }
        Map<SectionType, Integer> blocksSeen = new EnumMap<>(SectionType.class);
        for (Section section : report.sections()) {
            if (section.heading() != null && !section.heading().isBlank()) {
                pieces.add(new Piece(new Passage(ItemRef.section(section.type()), section.type(), null, section.heading(),
                        section.heading()), Kind.HEADING));
            }
            if (!section.intro().isBlank()) {
                text(pieces, new Passage(ItemRef.section(section.type()), section.type(), null, section.heading(), section.intro()));
            }
            for (Block block : section.blocks()) {
                int b = blocksSeen.merge(section.type(), 1, Integer::sum);
                String heading = block.heading() != null ? block.heading() : section.heading();
                boolean headingIsText = block.intro().isBlank() && block.items().isEmpty();
                if (block.heading() != null && !block.heading().isBlank() && !headingIsText) {
                    pieces.add(new Piece(new Passage(ItemRef.block(section.type(), b), section.type(), block.aspect(),
                            heading, block.heading()), Kind.HEADING));
                }
                if (!block.intro().isBlank() || block.items().isEmpty()) {
                    String text = block.intro().isBlank() ? nullToEmpty(block.heading()) : block.intro();
                    if (!text.isBlank()) {
                        text(pieces, new Passage(ItemRef.block(section.type(), b), section.type(), block.aspect(), heading, text));
                    }
                }
                for (Item item : block.items()) {
                    text(pieces, new Passage(ItemRef.item(section.type(), b, item.n()), section.type(), block.aspect(),
                            heading, item.text()));
                }
            }
        }
        for (int i = 0; i < report.closing().size(); i++) {
            text(pieces, new Passage(ItemRef.closing(i + 1), SectionType.OTHER, null, null, report.closing().get(i)));
        }
        return pieces;
    }

    private static void text(List<Piece> pieces, Passage passage) {
        pieces.add(new Piece(passage, Kind.TEXT));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
